package org.convergence4j.models;

import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One of Part 1's deep MLPs ({@link InitConfiguration}: its layers, activation and initialization) as a network to
 * train, with the optimizer that trains it: either Adam at the study's learning rate, as the seminar trains every
 * net (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, PyTorch's defaults), or plain SGD at a rate of its own,
 * <pre>
 *   w ← w − η · ∂L/∂w       (no momentum, no weight decay)
 * </pre>
 * the optimizer He et al. (2015) and Glorot &amp; Bengio (2010) trained with. The difference matters for what Part 1
 * measures: Adam divides each parameter's step by the running root mean square of its own gradient, so a layer
 * whose gradient is 10⁻⁵ of another's still moves by about η per step, and a vanishing gradient slows it little;
 * under SGD the step is proportional to the gradient itself.
 *
 * @param net the network and its initialization
 * @param sgd plain SGD's learning rate η &gt; 0, or 0 for Adam at the study's learning rate
 */
public record MlpNet(InitConfiguration net, double sgd) implements NetworkDesign {

    /** @throws IllegalArgumentException if {@code sgd} is negative or not finite */
    public MlpNet {
        Objects.requireNonNull(net, "net");
        if (!(sgd >= 0) || Double.isInfinite(sgd)) {
            throw new IllegalArgumentException("SGD's learning rate must be > 0, or 0 for Adam; got " + sgd);
        }
    }

    /** Whether it trains with Adam rather than plain SGD. */
    public boolean adam() {
        return sgd == 0;
    }

    /** The updater: {@code Adam(learningRate)}, or {@code Sgd(sgd)}. */
    public IUpdater updater(double learningRate) {
        return adam() ? new Adam(learningRate) : new Sgd(sgd);
    }

    /** The optimizer in words, e.g. {@code Adam, lr 0.001} or {@code SGD, lr 0.01}, for {@code learningRate} Adam's. */
    public String optimizer(double learningRate) {
        return adam() ? "Adam, lr " + Parameter.format(learningRate) : "SGD, lr " + Parameter.format(sgd);
    }

    /** Layers, activation, initialization and optimizer, e.g. {@code 784→500×10→10 tanh, N(0, 0.1²); Adam}. */
    @Override
    public String description() {
        return net.description() + "; " + (adam() ? "Adam" : "SGD, lr " + Parameter.format(sgd));
    }

    /** {@inheritDoc} The net of {@link DeepMlp#configuration} with {@link #updater}. */
    @Override
    public MultiLayerConfiguration configuration(long seed, double learningRate) {
        return net.mlp().configuration(seed, updater(learningRate));
    }
}
