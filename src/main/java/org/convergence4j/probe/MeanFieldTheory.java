package org.convergence4j.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convergence4j.init.ZeroMeanWeightInit;
import org.convergence4j.models.DeepMlp;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The theoretical std of the signal through a {@link DeepMlp} at initialization, from the
 * mean-field recursion of Poole et al. (2016) and Schoenholz et al. (2017), which contains Glorot
 * and Bengio's (2010) and He et al.'s (2015) variance arguments as special cases.
 * <p>
 * With zero biases and i.i.d. zero-mean weights of variance {@code σₗ² = Var(w)} (from a
 * {@link ZeroMeanWeightInit}), the pre-activation of layer l is a sum of {@code nₗ₋₁} independent
 * terms, hence close to {@code N(0, qₗ)} for wide layers, with
 * <pre>
 *   qₗ = nₗ₋₁ · σₗ² · E[aₗ₋₁²],       E[aₗ²] = E[φ(z)²],  std(aₗ) = √(E[φ(z)²] − E[φ(z)]²),  z ~ N(0, qₗ)
 * </pre>
 * starting from the batch's own second moment {@code E[x²]}. Backwards, assuming as those papers do
 * that the weights used in the backward pass are independent of the forward signal,
 * <pre>
 *   E[(dL/daₗ₋₁)²] = nₗ · σₗ² · E[(dL/dzₗ)²],     E[(dL/dzₗ₋₁)²] = E[φ'(z)²] · E[(dL/daₗ₋₁)²],  z ~ N(0, qₗ₋₁)
 * </pre>
 * anchored at the measured output error {@code E[(dL/dz_L)²]}, which depends on the softmax and the
 * labels rather than on depth. Gradients have mean zero, so their std is the root of that second
 * moment. These are infinite-width values. For ReLU and linear nets the forward recursion for
 * {@code E[a²]} even holds in expectation at any width (given {@code qₗ}, the two halves of a
 * symmetric {@code z} contribute equally), but at width n each layer multiplies a seed's
 * {@code E[a²]} by a random factor of variance ≈ 5/n: over the thirty 16-unit layers of the
 * seminar's deep nets the typical seed, and the mean of the stds, drift well below the curve
 * while rare seeds lie far above it. For tanh the recursion becomes exact only as the width grows.
 * Gaussian expectations use Simpson quadrature, with φ and φ' taken from DL4J's own activation
 * functions.
 */
public final class MeanFieldTheory {

    /** Simpson panels over ±{@link #HALF_WIDTH} standard deviations; an even count puts z = 0 on a panel edge. */
    private static final int PANELS = 4000;
    private static final int CENTRE = PANELS / 2;
    /** Beyond 10 standard deviations the Gaussian weight is below e⁻⁵⁰. */
    private static final double HALF_WIDTH = 10;
    /** Where the one-sided limits at z = 0 are taken, in standard deviations. */
    private static final double ONE_SIDED = 1e-9;

    /** Grid points in standard deviations, followed by −ONE_SIDED and +ONE_SIDED. */
    private final double[] nodes;
    private final double[] weights;

    /** The expected std per dense layer, input layer first, as {@link LayerStd} reports them. */
    public record Expectation(List<Double> forwardStd, List<Double> backwardStd) {

        /** Copies the lists. */
        public Expectation {
            forwardStd = List.copyOf(forwardStd);
            backwardStd = List.copyOf(backwardStd);
        }
    }

    /**
     * Prepares the quadrature: composite Simpson on a standard-normal grid, {@code E[f(z)] ≈ Σ wᵢ f(σ·uᵢ)}
     * with {@code wᵢ} = Simpson weight × density of uᵢ. Activation functions are non-smooth only at
     * z = 0 (ReLU's kink, its derivative's jump), which lies on a panel edge where the two panels
     * meeting there each see their own one-sided limit; so every panel is smooth and the rule keeps
     * its O(h⁴) accuracy.
     */
    public MeanFieldTheory() {
        double h = 2 * HALF_WIDTH / PANELS;
        nodes = new double[PANELS + 3];
        weights = new double[PANELS + 1];
        for (int i = 0; i <= PANELS; i++) {
            nodes[i] = -HALF_WIDTH + i * h;
            double simpson = (i == 0 || i == PANELS) ? 1 : (i % 2 == 1 ? 4 : 2);
            weights[i] = simpson * h / 3 * Math.exp(-nodes[i] * nodes[i] / 2) / Math.sqrt(2 * Math.PI);
        }
        nodes[PANELS + 1] = -ONE_SIDED;
        nodes[PANELS + 2] = ONE_SIDED;
    }

    /**
     * The expected per-layer std of layer inputs and of input gradients.
     *
     * @param mlp the net; the theory exists only if its initializer is a {@link ZeroMeanWeightInit}
     * @param inputMeanSquare {@code E[x²]} over all elements of the batch
     * @param inputStd std of the batch, the first forward value
     * @param outputErrorMeanSquare {@code E[(dL/dz_L)²]} at the output layer, for the mean loss
     * @return the expectation, or empty when the initializer's weight variance is unknown
     */
    public Optional<Expectation> expect(DeepMlp mlp, double inputMeanSquare, double inputStd,
            double outputErrorMeanSquare) {
        if (!(mlp.init() instanceof ZeroMeanWeightInit init)) {
            return Optional.empty();
        }
        int depth = mlp.depth();
        IActivation phi = mlp.activation().getActivationFunction();
        double[] q = new double[depth];
        List<Double> forward = new ArrayList<>(depth);
        forward.add(inputStd);
        double meanSquare = inputMeanSquare;
        for (int l = 0; l < depth; l++) {
            q[l] = mlp.fanIn(l) * init.variance(mlp.fanIn(l), mlp.fanOut(l)) * meanSquare;
            if (l < depth - 1) {
                Moments m = moments(phi, q[l]);
                meanSquare = m.meanSquare();
                forward.add(Math.sqrt(Math.max(0, m.meanSquare() - m.mean() * m.mean())));
            }
        }
        Double[] backward = new Double[depth];
        double errorMeanSquare = outputErrorMeanSquare;
        for (int l = depth - 1; l >= 0; l--) {
            double inputGradMeanSquare = mlp.fanOut(l) * init.variance(mlp.fanIn(l), mlp.fanOut(l)) * errorMeanSquare;
            backward[l] = Math.sqrt(inputGradMeanSquare);
            if (l > 0) {
                errorMeanSquare = moments(phi, q[l - 1]).derivativeMeanSquare() * inputGradMeanSquare;
            }
        }
        return Optional.of(new Expectation(forward, List.of(backward)));
    }

    /** {@code E[φ(z)]}, {@code E[φ(z)²]} and {@code E[φ'(z)²]} for {@code z ~ N(0, q)}. */
    Moments moments(IActivation phi, double q) {
        INDArray z = Nd4j.createFromArray(nodes).muli(Math.sqrt(q));
        double[] value = phi.getActivation(z.dup(), false).toDoubleVector();
        double[] slope = phi.backprop(z.dup(), Nd4j.onesLike(z)).getFirst().toDoubleVector();
        double mean = 0;
        double meanSquare = 0;
        double derivativeMeanSquare = 0;
        for (int i = 0; i <= PANELS; i++) {
            // At the centre, each of the two panels takes its own one-sided limit: the average of both.
            int[] at = i == CENTRE ? new int[] {PANELS + 1, PANELS + 2} : new int[] {i};
            for (int j : at) {
                double w = weights[i] / at.length;
                mean += w * value[j];
                meanSquare += w * value[j] * value[j];
                derivativeMeanSquare += w * slope[j] * slope[j];
            }
        }
        return new Moments(mean, meanSquare, derivativeMeanSquare);
    }

    /** Gaussian moments of an activation function. */
    record Moments(double mean, double meanSquare, double derivativeMeanSquare) {
    }
}
