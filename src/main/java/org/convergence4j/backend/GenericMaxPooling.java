package org.convergence4j.backend;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling, y[n, c, i, j] = max over the window at (i·s, j·s) of x[n, c, ·, ·], on libnd4j's generic kernels
 * ({@code maxpool2d} / {@code maxpool2d_bp} with platform helpers off). DL4J's own {@link SubsamplingLayer} runs the
 * same ops with helpers on, which in the oneDNN native build means oneDNN's pooling: on the TestNetwork's first
 * map (2 channels, 28 × 28, batch 128) about 4.6 ms per forward + backward against 1.4 ms for the generic kernels,
 * because oneDNN reorders the few channels into its blocked layout first (docs/PERFORMANCE.md). Same function, same
 * gradient: the gradient of a window goes to its maximum. Only {@link PoolingType#MAX} in NCHW.
 */
public class GenericMaxPooling extends SubsamplingLayer {

    /** For JSON deserialization. */
    public GenericMaxPooling() {
    }

    /**
     * @param kernel window height and width in pixels
     * @param stride step between windows in pixels
     */
    public GenericMaxPooling(int kernel, int stride) {
        super(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(kernel, kernel).stride(stride, stride)
                .dataFormat(CNN2DFormat.NCHW));
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        GenericMaxPoolingLayer layer = new GenericMaxPoolingLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }
}
