package org.convergence4j.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.convergence4j.statistics.GeometricSpread;
import org.convergence4j.models.InitConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The seminar's initialization study (1.2–1.3) on one fixed batch: each configuration is built
 * with initialization seeds {@code 1 … seeds}, probed with {@link StdProbe}, and every per-layer
 * std is summarized by its mean and sample sd over the seeds; the {@link MeanFieldTheory} curve is
 * computed from the batch's moments and the measured output error (mean over seeds of
 * {@code std(dL/dz_L)²}). The results are rounded to what float32 computes alike on every CPU
 * ({@link Float32Figures}).
 */
public final class InitializationStudy {

    /** |tanh| beyond which a unit counts as saturated (its slope 1 − a² is below 0.19). */
    public static final double SATURATION = 0.9;

    private final DataSet batch;
    private final int seeds;
    private final double inputMeanSquare;
    private final double inputStd;
    private final MeanFieldTheory theory = new MeanFieldTheory();

    /**
     * @param batch the fixed batch: features {@code [N, 784]}, already normalized; one-hot labels
     *     {@code [N, 10]}
     * @param seeds the number of initialization seeds, at least 2 so that a spread exists
     * @throws IllegalArgumentException if {@code seeds < 2}
     */
    public InitializationStudy(DataSet batch, int seeds) {
        this.batch = Objects.requireNonNull(batch, "batch");
        if (seeds < 2) {
            throw new IllegalArgumentException("the study needs at least 2 initialization seeds for a spread, got "
                    + seeds + "; the seminar reproduction uses 10");
        }
        this.seeds = seeds;
        INDArray x = batch.getFeatures().castTo(DataType.DOUBLE);
        this.inputMeanSquare = x.mul(x).meanNumber().doubleValue();
        this.inputStd = Std.of(x);
    }

    /** Runs every configuration, in the given order. */
    public List<ConfigurationResult> run(List<InitConfiguration> configurations) {
        return configurations.stream().map(this::run).toList();
    }

    /** Probes {@code configuration} under every seed and summarizes per layer. */
    public ConfigurationResult run(InitConfiguration configuration) {
        List<List<LayerStd>> perSeed = new ArrayList<>(seeds);
        for (int seed = 1; seed <= seeds; seed++) {
            perSeed.add(StdProbe.measure(configuration.mlp().build(seed), batch));
        }
        int depth = configuration.mlp().depth();
        List<LayerSummary> layers = new ArrayList<>(depth);
        for (int l = 0; l < depth; l++) {
            int layer = l;
            LayerStd first = perSeed.get(0).get(l);
            layers.add(new LayerSummary(first.layer(), first.fanIn(), first.fanOut(),
                    GeometricSpread.of(perSeed.stream().mapToDouble(s -> s.get(layer).activationStd()).toArray()),
                    GeometricSpread.of(perSeed.stream().mapToDouble(s -> s.get(layer).inputGradStd()).toArray()),
                    GeometricSpread.of(perSeed.stream().mapToDouble(s -> s.get(layer).preactGradStd()).toArray())));
        }
        double outputError = perSeed.stream()
                .mapToDouble(s -> Math.pow(s.get(depth - 1).preactGradStd(), 2)).average().orElseThrow();
        List<double[]> ratios = perSeed.stream().map(DepthRatios::of).toList();
        return new ConfigurationResult(configuration, seeds, layers,
                theory.expect(configuration.mlp(), inputMeanSquare, inputStd, outputError),
                new DepthRatios(ratios.stream().map(r -> r[0]).toList(), ratios.stream().map(r -> r[1]).toList()))
                .rounded();
    }

    /**
     * Histograms of every hidden layer's output (layers 1 … L−1) over [−1, 1] for one seed, the
     * Glorot and Bengio figure; meant for tanh nets, whose activations lie in that range.
     */
    public List<ActivationHistogram> hiddenActivationHistograms(InitConfiguration configuration, long seed, int bins) {
        MultiLayerNetwork net = configuration.mlp().build(seed);
        ProbeTrace trace = StdProbe.trace(net, batch);
        List<ActivationHistogram> histograms = new ArrayList<>(trace.depth() - 1);
        for (int layer = 1; layer < trace.depth(); layer++) {
            histograms.add(ActivationHistogram.of(layer, trace.inputs().get(layer), bins, -1, 1, SATURATION));
        }
        return histograms;
    }
}
