package org.convergence4j.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.convergence4j.init.VarianceScaling.Distribution;
import org.convergence4j.init.VarianceScaling.FanMode;
import org.convergence4j.models.DeepMlp;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InitializersTest {

    /** Unequal fans, so that fan-in, fan-out and average modes give clearly different variances. */
    private static final int IN = 1000;
    private static final int OUT = 200;
    private static final double N = (double) IN * OUT;

    /** The seminar's six schemes, each with its formula written out as in the notebook. */
    static Stream<Arguments> seminarSchemes() {
        return Stream.of(
                scheme("N(0, 0.1)", new FixedNormal(0.1), (in, out) -> 0.01),
                scheme("Xavier normal", VarianceScaling.xavier(Distribution.NORMAL), (in, out) -> 2 / (in + out)),
                scheme("normal std sqrt(1/out)", new VarianceScaling(Distribution.NORMAL, FanMode.OUT, 1),
                        (in, out) -> 1 / out),
                scheme("Xavier uniform", VarianceScaling.xavier(Distribution.UNIFORM),
                        (in, out) -> Math.pow(Math.sqrt(6 / (in + out)), 2) / 3),
                scheme("He fan-in", VarianceScaling.he(FanMode.IN), (in, out) -> 2 / in),
                scheme("He fan-out", VarianceScaling.he(FanMode.OUT), (in, out) -> 2 / out));
    }

    private static Arguments scheme(String name, ZeroMeanWeightInit init, DoubleBinaryOperator variance) {
        return Arguments.of(name, init, variance);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seminarSchemes")
    void varianceFormulaMatchesTheSeminar(String name, ZeroMeanWeightInit init, DoubleBinaryOperator variance) {
        assertEquals(variance.applyAsDouble(IN, OUT), init.variance(IN, OUT), 1e-15 * init.variance(IN, OUT));
    }

    /**
     * Draws W through DL4J (a dense layer with nIn = IN, nOut = OUT, which passes fanIn = nIn and
     * fanOut = nOut to the initializer) and checks mean and variance within 4 standard errors.
     * For a sample of n i.i.d. values with variance σ² and fourth central moment μ₄, the sample
     * variance s² has {@code Var(s²) = (μ₄ − σ⁴(n−3)/(n−1))/n}: μ₄ = 3σ⁴ for a normal (giving
     * 2σ⁴/(n−1)), μ₄ = a⁴/5 = 9σ⁴/5 for U(−a, a).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seminarSchemes")
    void empiricalVarianceWithinFourStandardErrors(String name, ZeroMeanWeightInit init,
            DoubleBinaryOperator variance) {
        INDArray w = firstLayerWeights(init, 7);
        assertArrayEquals(new long[] {IN, OUT}, w.shape(), "W must be [nIn, nOut]");

        double sigma2 = variance.applyAsDouble(IN, OUT);
        boolean uniform = init instanceof VarianceScaling v && v.distribution() == Distribution.UNIFORM;
        double mu4 = (uniform ? 9.0 / 5 : 3.0) * sigma2 * sigma2;
        double seVariance = Math.sqrt((mu4 - sigma2 * sigma2 * (N - 3) / (N - 1)) / N);
        double seMean = Math.sqrt(sigma2 / N);

        assertEquals(0.0, w.meanNumber().doubleValue(), 4 * seMean, "mean");
        assertEquals(sigma2, w.varNumber().doubleValue(), 4 * seVariance, "variance");
    }

    @Test
    void uniformSamplesStayWithinTheBound() {
        INDArray w = firstLayerWeights(VarianceScaling.xavier(Distribution.UNIFORM), 3);
        // The weights are float32, so the bound they can reach is a rounded to the nearest float.
        double a = (float) Math.sqrt(6.0 / (IN + OUT));
        assertTrue(w.maxNumber().doubleValue() <= a, "max " + w.maxNumber() + " > a = " + a);
        assertTrue(w.minNumber().doubleValue() >= -a, "min " + w.minNumber() + " < -a = " + -a);
        // 200 000 draws should come within 0.1% of both ends (each miss has probability 0.999^200000).
        assertTrue(w.maxNumber().doubleValue() > 0.999 * a && w.minNumber().doubleValue() < -0.999 * a);
    }

    @Test
    void fanModesReadDl4jsNInAndNOut() {
        // Var = 1/fan, so the fan DL4J passed is recovered as 1/Var; 4% is > 10 standard errors here.
        assertEquals(IN, 1 / firstLayerWeights(new VarianceScaling(Distribution.NORMAL, FanMode.IN, 1), 1)
                .varNumber().doubleValue(), 0.04 * IN);
        assertEquals(OUT, 1 / firstLayerWeights(new VarianceScaling(Distribution.NORMAL, FanMode.OUT, 1), 1)
                .varNumber().doubleValue(), 0.04 * OUT);
        assertEquals((IN + OUT) / 2.0, 1 / firstLayerWeights(
                new VarianceScaling(Distribution.NORMAL, FanMode.AVERAGE, 1), 1).varNumber().doubleValue(),
                0.04 * (IN + OUT) / 2.0);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        IWeightInit init = VarianceScaling.he(FanMode.IN);
        assertEquals(firstLayerWeights(init, 5), firstLayerWeights(init, 5));
        assertTrue(!firstLayerWeights(init, 5).equals(firstLayerWeights(init, 6)));
    }

    @Test
    void badArgumentsFailFast() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(Distribution.NORMAL, FanMode.IN, bad));
            assertThrows(IllegalArgumentException.class, () -> new FixedNormal(bad));
        }
        assertThrows(NullPointerException.class, () -> new VarianceScaling(null, FanMode.IN, 1));
        assertThrows(NullPointerException.class, () -> new VarianceScaling(Distribution.NORMAL, null, 1));
        for (FanMode mode : FanMode.values()) {
            VarianceScaling init = new VarianceScaling(Distribution.UNIFORM, mode, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> init.variance(0, 0));
            assertTrue(e.getMessage().contains("got 0.0"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> init.init(-1, -1, new long[] {1, 1}, 'f',
                    Nd4j.zeros(DataType.FLOAT, 1)));
        }
    }

    @Test
    void equalityFollowsTheParameters() {
        assertEquals(VarianceScaling.he(FanMode.IN), new VarianceScaling(Distribution.NORMAL, FanMode.IN, 2));
        assertEquals(VarianceScaling.he(FanMode.IN).hashCode(),
                new VarianceScaling(Distribution.NORMAL, FanMode.IN, 2).hashCode());
        assertTrue(!VarianceScaling.he(FanMode.IN).equals(VarianceScaling.he(FanMode.OUT)));
        assertEquals(new FixedNormal(0.1), new FixedNormal(0.1));
    }

    /** The [nIn, nOut] weight matrix DL4J initializes for the first layer of an IN→OUT→2 net. */
    private static INDArray firstLayerWeights(IWeightInit init, long seed) {
        DeepMlp mlp = new DeepMlp(List.of(IN, OUT, 2), Activation.TANH, init);
        return mlp.build(seed).getLayer(0).getParam("W").castTo(DataType.DOUBLE);
    }
}
