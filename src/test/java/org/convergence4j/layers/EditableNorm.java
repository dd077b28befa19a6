package org.convergence4j.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A test layer whose code can be "edited" while a test runs: y = g ∘ x / √(mean(x²) + ε), RMSNorm's function, with
 * ε a constant of the code and not a configuration field, as the guide warns against. A test changes {@link #epsilon}
 * to stand for an edit of the source between two commands; the configuration JSON stays the same.
 */
public final class EditableNorm extends CustomSameDiffLayer {

    /** The constant of the code; the tests set it back to {@link #ORIGINAL_EPSILON} after use. */
    static volatile double epsilon = 1e-8;
    /** The value the code is written with. */
    static final double ORIGINAL_EPSILON = 1e-8;

    private static final String GAIN = "g";

    /** For Jackson only. */
    private EditableNorm() {
    }

    /** @param n features per example */
    public EditableNorm(long n) {
        super(n, n);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(GAIN, 1, nIn());
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable training) {
        return x.div(sd.math.sqrt(x.mul(x).mean(true, 1).add(epsilon))).mul(params.get(GAIN));
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1);
    }
}
