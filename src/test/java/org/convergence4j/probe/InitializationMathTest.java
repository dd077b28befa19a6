package org.convergence4j.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.convergence4j.init.VarianceScaling;
import org.convergence4j.init.ZeroMeanWeightInit;
import org.convergence4j.models.DeepMlp;
import org.convergence4j.models.InitConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The seminar's conclusions as properties of the math, on synthetic N(0, 1) inputs. */
class InitializationMathTest {

    private static final int BATCH = 100;

    /**
     * He et al.: with Var(w) = 2/n, E[a²] of a ReLU layer's output is preserved exactly in
     * expectation. At width n the per-layer factor has variance ≈ 5/n, so after 29 more layers the
     * log of one seed's std has sd ≈ ½√(29·5/256) ≈ 0.38, and ≈ 0.17 for the mean of 5 seeds; a
     * factor 2 (log 2 ≈ 0.69) is ~4 of those. With Xavier, Var(w) = 2/(n+n) = 1/n and ReLU halves
     * E[a²] at every layer: the std shrinks by √2 per layer, 2^14.5 ≈ 2·10⁴ over 29 layers, far
     * beyond 10×.
     */
    @Test
    void heKeepsTheReluSignalWhileXavierLetsItVanish() {
        double he = lastOverFirstHiddenStd(VarianceScaling.he(VarianceScaling.FanMode.IN));
        double xavier = lastOverFirstHiddenStd(VarianceScaling.xavier(VarianceScaling.Distribution.NORMAL));
        assertTrue(he > 0.5 && he < 2, "He: std after 30 layers / after 1 layer = " + he);
        assertTrue(xavier < 0.1, "Xavier: std after 30 layers / after 1 layer = " + xavier);
    }

    /**
     * Glorot and Bengio: with N(0, 0.1²) and 500 inputs, fanIn·Var(w) = 5 and tanh layers settle at
     * the mean-field fixed point q = 5·E[tanh²(√q·z)] ≈ 3.5 (z ~ N(0, 1)), where
     * P(|tanh| > 0.9) = P(|z| > atanh(0.9)/√q) ≈ 0.4 in every layer. With Xavier,
     * fanIn·Var(w) ≈ 1 and since tanh² < z², q shrinks layer after layer, so saturation only occurs
     * in the first layers and vanishes deeper. Over the ten hidden layers this is an order of
     * magnitude apart.
     */
    @Test
    void smallFixedSigmaSaturatesTanhFarMoreThanXavier() {
        DataSet batch = gaussianBatch(784, 7);
        InitializationStudy study = new InitializationStudy(batch, 2);
        double normal = meanSaturation(study.hiddenActivationHistograms(InitConfiguration.A, 1, 20));
        double xavier = meanSaturation(study.hiddenActivationHistograms(InitConfiguration.B, 1, 20));
        assertTrue(normal > 10 * xavier, "saturated fraction N(0, 0.1): " + normal + ", Xavier: " + xavier);

        double deepestNormal = study.hiddenActivationHistograms(InitConfiguration.A, 2, 20).get(9).saturated();
        double deepestXavier = study.hiddenActivationHistograms(InitConfiguration.B, 2, 20).get(9).saturated();
        assertTrue(deepestNormal > 100 * deepestXavier,
                "10th hidden layer, N(0, 0.1): " + deepestNormal + ", Xavier: " + deepestXavier);
    }

    /** Mean over 5 seeds of the std after hidden layer 30, divided by the same after hidden layer 1. */
    private static double lastOverFirstHiddenStd(ZeroMeanWeightInit init) {
        List<Integer> sizes = new ArrayList<>(Collections.nCopies(31, 256));
        sizes.add(10);
        DeepMlp mlp = new DeepMlp(sizes, Activation.RELU, init);
        DataSet batch = gaussianBatch(256, 3);
        double first = 0;
        double last = 0;
        for (int seed = 1; seed <= 5; seed++) {
            List<LayerStd> stats = StdProbe.measure(mlp.build(seed), batch);
            first += stats.get(1).activationStd();
            last += stats.get(30).activationStd();
        }
        return last / first;
    }

    private static double meanSaturation(List<ActivationHistogram> histograms) {
        return histograms.stream().mapToDouble(ActivationHistogram::saturated).average().orElseThrow();
    }

    static DataSet gaussianBatch(int width, long seed) {
        Nd4j.getRandom().setSeed(seed);
        var labels = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int n = 0; n < BATCH; n++) {
            labels.putScalar(n, n % 10, 1.0);
        }
        return new DataSet(Nd4j.randn(DataType.FLOAT, BATCH, width), labels);
    }
}
