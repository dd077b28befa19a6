package org.convergence4j.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.convergence4j.init.VarianceScaling;
import org.convergence4j.models.DeepMlp;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

class MeanFieldTheoryTest {

    private final MeanFieldTheory theory = new MeanFieldTheory();

    /**
     * Closed forms for z ~ N(0, q): E[relu²] = q/2, E[relu'²] = 1/2, E[relu] = √(q/2π). Simpson's
     * error on 4000 panels is O(h⁴) ≈ 10⁻¹⁰ here.
     */
    @Test
    void reluMomentsMatchClosedForms() {
        double q = 2.7;
        MeanFieldTheory.Moments m = theory.moments(Activation.RELU.getActivationFunction(), q);
        assertEquals(q / 2, m.meanSquare(), 1e-9 * q);
        assertEquals(0.5, m.derivativeMeanSquare(), 1e-9);
        assertEquals(Math.sqrt(q / (2 * Math.PI)), m.mean(), 1e-9 * Math.sqrt(q));
    }

    /** tanh against Simpson integration of the Gaussian density, an independent quadrature. */
    @Test
    void tanhMomentsMatchDirectIntegration() {
        for (double q : new double[] {0.01, 1, 5}) {
            NormalDistribution z = new NormalDistribution(0, Math.sqrt(q));
            double bound = 12 * Math.sqrt(q);
            SimpsonIntegrator simpson = new SimpsonIntegrator(1e-10, 1e-12, 3, 30);
            double meanSquare = simpson.integrate(1_000_000, x -> Math.pow(Math.tanh(x), 2) * z.density(x), -bound, bound);
            double slope = new SimpsonIntegrator(1e-10, 1e-12, 3, 30).integrate(1_000_000,
                    x -> Math.pow(1 - Math.pow(Math.tanh(x), 2), 2) * z.density(x), -bound, bound);
            MeanFieldTheory.Moments m = theory.moments(Activation.TANH.getActivationFunction(), q);
            assertEquals(meanSquare, m.meanSquare(), 1e-6, "E[tanh²], q = " + q);
            assertEquals(slope, m.derivativeMeanSquare(), 1e-6, "E[tanh'²], q = " + q);
            assertEquals(0, m.mean(), 1e-12, "tanh is odd");
        }
    }

    /**
     * A linear net: qₗ = nₗ₋₁·σₗ²·qₗ₋₁ and E[(dL/daₗ₋₁)²] = nₗ·σₗ²·E[(dL/dzₗ)²], with φ' = 1. Fan-in
     * scaling keeps the forward std at √E[x²]; the backward one picks up nₗ/nₗ₋₁ per layer.
     */
    @Test
    void linearNetFollowsTheVarianceRecursionExactly() {
        DeepMlp mlp = new DeepMlp(List.of(50, 40, 30, 10), Activation.IDENTITY,
                new VarianceScaling(VarianceScaling.Distribution.NORMAL, VarianceScaling.FanMode.IN, 1));
        MeanFieldTheory.Expectation e = theory.expect(mlp, 4.0, 1.9, 1e-4).orElseThrow();
        assertEquals(List.of(1.9, 2.0, 2.0), rounded(e.forwardStd()));
        double out = 1e-4 * 10 / 30;
        double middle = out * 30 / 40;
        double first = middle * 40 / 50;
        assertEquals(rounded(List.of(Math.sqrt(first), Math.sqrt(middle), Math.sqrt(out))), rounded(e.backwardStd()));
    }

    @Test
    void noTheoryWithoutAKnownWeightVariance() {
        DeepMlp mlp = new DeepMlp(List.of(5, 4, 3), Activation.TANH, new WeightInitXavier());
        assertTrue(theory.expect(mlp, 1, 1, 1).isEmpty());
    }

    private static List<Double> rounded(List<Double> values) {
        return values.stream().map(v -> Math.round(v * 1e12) / 1e12).toList();
    }
}
