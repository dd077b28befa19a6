package org.convergence4j.probe;

import java.util.List;
import java.util.Optional;
import org.convergence4j.models.InitConfiguration;

/**
 * The initialization study of one configuration: per-layer stds over seeds and their theoretical
 * expectation.
 *
 * @param configuration the network and its initialization
 * @param seeds the number of initialization seeds averaged over
 * @param layers one summary per dense layer, input layer first
 * @param theory the mean-field expectation, when the initializer's weight variance is known
 * @param depth per seed, how much the std changes from the first hidden layer to the last
 */
public record ConfigurationResult(InitConfiguration configuration, int seeds, List<LayerSummary> layers,
        Optional<MeanFieldTheory.Expectation> theory, DepthRatios depth) {

    /** Copies the list. */
    public ConfigurationResult {
        layers = List.copyOf(layers);
    }

    /** The same result with every figure rounded by {@link Float32Figures#round}. */
    public ConfigurationResult rounded() {
        return new ConfigurationResult(configuration, seeds, layers.stream().map(LayerSummary::rounded).toList(),
                theory.map(t -> new MeanFieldTheory.Expectation(
                        t.forwardStd().stream().map(Float32Figures::round).toList(),
                        t.backwardStd().stream().map(Float32Figures::round).toList())),
                new DepthRatios(depth.activations().stream().map(Float32Figures::round).toList(),
                        depth.gradients().stream().map(Float32Figures::round).toList()));
    }

    /** Geometric mean over seeds of the std of each dense layer's input, input layer first. */
    public List<Double> forwardStd() {
        return layers.stream().map(s -> s.activationStd().mean()).toList();
    }

    /** Geometric mean over seeds of the std of each dense layer's input gradient, input layer first. */
    public List<Double> backwardStd() {
        return layers.stream().map(s -> s.inputGradStd().mean()).toList();
    }
}
