package org.convergence4j.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The plain layer {@code y = x·W + b} on {@link CustomSameDiffLayer}: the base's gradient fix is proven on it. */
final class AffineLayer extends CustomSameDiffLayer {

    static final String WEIGHT = "W";
    static final String BIAS = "b";

    /** For Jackson only. */
    private AffineLayer() {
    }

    AffineLayer(long nIn, long nOut) {
        super(nIn, nOut);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(WEIGHT, nIn(), nOut());
        params.addBiasParam(BIAS, 1, nOut());
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
                                  SDVariable training) {
        return input.mmul(params.get(WEIGHT)).add(params.get(BIAS));
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.values().forEach(param -> param.assign(Nd4j.randn(param.dataType(), param.shape())));
    }
}
