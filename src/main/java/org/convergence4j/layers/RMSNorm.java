package org.convergence4j.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Root-mean-square normalization (Zhang &amp; Sennrich 2019), per example of {@code n} features:
 * {@code y = g ∘ x / √(mean(x²) + ε)} with {@code ε = 1e-8} (the paper's code). Input and output are
 * {@code [batch, n]}; the gain {@code g} is {@code [1, n]}, initialized to 1. Unlike {@link LayerNormalization} it
 * neither centres the example nor adds a shift.
 */
public final class RMSNorm extends CustomSameDiffLayer {

    /** Keeps the division finite for all-zero rows. */
    public static final double EPSILON = 1e-8;

    private static final String GAIN = "g";

    /** For Jackson only. */
    private RMSNorm() {
    }

    /** @param n number of features per example */
    public RMSNorm(long n) {
        super(n, n);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(GAIN, 1, nIn());
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable training) {
        SDVariable rms = sd.math.sqrt(x.mul(x).mean(true, 1).add(EPSILON));
        return x.div(rms).mul(params.get(GAIN));
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1);
    }
}
