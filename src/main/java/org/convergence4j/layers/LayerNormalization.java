package org.convergence4j.layers;

import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Layer normalization (Ba, Kiros &amp; Hinton 2016), per example: for an input row {@code x} of {@code n} features
 * <pre>
 *   μ = (1/n) Σᵢ xᵢ,   σ² = (1/n) Σᵢ (xᵢ − μ)²,   y = g ∘ (x − μ) / √(σ² + ε) + β,   ε = 1e-5
 * </pre>
 * Input and output are {@code [batch, n]}; the gain {@code g} and shift {@code β} are {@code [1, n]}, initialized to
 * 1 and 0. The statistics come from the example itself, so training and inference compute the same function, batch
 * size 1 works, and an example's output does not depend on the rest of the batch. This is PyTorch's
 * {@code nn.LayerNorm(n)} with its defaults.
 *
 * <p>With {@link Statistics#BATCH} it computes what the seminar notebook's {@code LayerNormalization} computed: one
 * mean and one unbiased standard deviation of the whole {@code [batch, n]} tensor (N = batch·n elements),
 * <pre>
 *   m = (1/N) Σ xₖ,   s = √(Σ (xₖ − m)² / (N − 1)),   y = g ∘ (x − m) / (s + 10⁻⁸) + β
 * </pre>
 * which couples the examples of a batch (in training and inference alike) and adds its ε to the standard
 * deviation, not to the variance. DL4J's {@code DenseLayer.hasLayerNorm} normalizes {@code x·W} with a gain and no
 * shift, before the bias and inside the dense layer; it is not a standalone layer.
 */
public final class LayerNormalization extends CustomSameDiffLayer {

    /** ε of Ba et al. as in PyTorch's default: keeps the division finite for constant rows. */
    public static final double EPSILON = 1e-5;
    /** The notebook's ε, added to the standard deviation of the whole batch tensor. */
    public static final double BATCH_EPSILON = 1e-8;

    private static final String GAIN = "g";
    private static final String SHIFT = "beta";

    /** Which elements one mean and standard deviation are taken over. */
    public enum Statistics {
        /** Each example's own n features: layer normalization as published and in PyTorch. */
        EXAMPLE,
        /** All batch·n elements of the input tensor, as the seminar notebook's code did. */
        BATCH
    }

    /**
     * {@link Statistics#BATCH}, or null for {@link Statistics#EXAMPLE}: left out of the JSON at the default, so the
     * configuration (and so the identity) of a per-example layer is what it was before the setting existed.
     */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Statistics statistics;

    /** For Jackson only. */
    private LayerNormalization() {
    }

    /** @param n number of features per example, normalized together */
    public LayerNormalization(long n) {
        this(n, Statistics.EXAMPLE);
    }

    /**
     * @param n number of features per example
     * @param statistics the elements one mean and standard deviation are taken over
     */
    public LayerNormalization(long n, Statistics statistics) {
        super(n, n);
        this.statistics = Objects.requireNonNull(statistics, "statistics") == Statistics.EXAMPLE ? null : statistics;
    }

    /** The elements the statistics are taken over. */
    public Statistics statistics() {
        return statistics == null ? Statistics.EXAMPLE : statistics;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(GAIN, 1, nIn());
        params.addBiasParam(SHIFT, 1, nIn());
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable training) {
        SDVariable normalized;
        if (statistics() == Statistics.BATCH) {
            // A product with the reciprocal, not a division: SameDiff 1.0.0-M2.1's divide_bp gives a wrong gradient
            // for a rank-0 divisor (dL/dx off by several percent), its multiply_bp a right one.
            normalized = x.sub(x.mean()).mul(x.std(true).add(BATCH_EPSILON).rdiv(1.0));
        } else {
            SDVariable centered = x.sub(x.mean(true, 1));
            SDVariable variance = centered.mul(centered).mean(true, 1);
            normalized = centered.div(sd.math.sqrt(variance.add(EPSILON)));
        }
        return normalized.mul(params.get(GAIN)).add(params.get(SHIFT));
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1);
        params.get(SHIFT).assign(0);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && statistics() == ((LayerNormalization) o).statistics();
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + statistics().ordinal();
    }
}
