package org.convergence4j.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * <p>The seminar notebook's {@code LayerNormalization} instead used the mean and the (unbiased) standard deviation
 * of the whole batch tensor, {@code g ∘ (x − mean(x)) / (std(x) + 1e-8) + β}, which couples the examples of a batch.
 * DL4J's {@code DenseLayer.hasLayerNorm} normalizes {@code x·W} with a gain and no shift, before the bias and
 * inside the dense layer; it is not a standalone layer.
 */
public final class LayerNormalization extends CustomSameDiffLayer {

    /** ε of Ba et al. as in PyTorch's default: keeps the division finite for constant rows. */
    public static final double EPSILON = 1e-5;

    private static final String GAIN = "g";
    private static final String SHIFT = "beta";

    /** For Jackson only. */
    private LayerNormalization() {
    }

    /** @param n number of features per example, normalized together */
    public LayerNormalization(long n) {
        super(n, n);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(GAIN, 1, nIn());
        params.addBiasParam(SHIFT, 1, nIn());
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable training) {
        SDVariable centered = x.sub(x.mean(true, 1));
        SDVariable variance = centered.mul(centered).mean(true, 1);
        SDVariable normalized = centered.div(sd.math.sqrt(variance.add(EPSILON)));
        return normalized.mul(params.get(GAIN)).add(params.get(SHIFT));
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1);
        params.get(SHIFT).assign(0);
    }
}
