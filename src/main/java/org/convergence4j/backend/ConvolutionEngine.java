package org.convergence4j.backend;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Which code computes the convolutions of a network, forward and backward.
 *
 * <p>DL4J 1.0.0-M2.1 has a oneDNN ("MKL-DNN") helper for its convolution layer but never uses it: its factory
 * returns no helper unless the system property {@code org.eclipse.deeplearning4j.helpers.disable} is {@code false},
 * and its availability check looks for a class that the M2.1 native bindings renamed, so it always answers
 * "disabled". {@link #ONEDNN} installs the helper directly into each convolution layer instead. Max pooling is not
 * part of the engine: the TestNetwork pools with {@link org.convergence4j.backend.GenericMaxPooling} in both, because
 * libnd4j's generic pooling kernels beat its oneDNN ones on these small maps (docs/PERFORMANCE.md).
 */
public enum ConvolutionEngine {

    /** DL4J's own path: im2col + GEMM forward, GEMM + col2im backward. */
    BUILT_IN,

    /**
     * libnd4j's {@code conv2d} / {@code conv2d_bp} ops, which run oneDNN kernels in the oneDNN native build. A
     * convolution that is the network's first layer computes only its parameter gradients in backprop
     * ({@link InputConvolutionHelper}): the network's gradient with respect to its input comes back as zeros. Use
     * {@link #BUILT_IN} where that gradient is wanted (saliency maps, adversarial examples).
     */
    ONEDNN;

    private static final Field CONV_HELPER = helperField();

    /**
     * {@link #ONEDNN} when the loaded native build was compiled with oneDNN ({@link NativeBuild}; its build info
     * says {@code HAVE_ONEDNN}) and oneDNN is switched on, else {@link #BUILT_IN}. ({@code isUseONEDNN()} alone is
     * true in the plain build too.)
     */
    public static ConvolutionEngine available() {
        Nd4j.getExecutioner(); // loads the backend, which NativeOpsHolder needs first
        boolean compiledIn = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
        return compiledIn && Nd4jCpu.Environment.getInstance().isUseONEDNN() ? ONEDNN : BUILT_IN;
    }

    /**
     * Makes every convolution layer of an initialized {@code net} compute with this engine.
     *
     * @throws IllegalStateException if this is {@link #ONEDNN} and the native build has no oneDNN
     */
    public void install(MultiLayerNetwork net) {
        if (this == ONEDNN && available() != ONEDNN) {
            throw new IllegalStateException("the loaded ND4J native build has no oneDNN; select it with "
                    + NativeBuild.ONEDNN_AVX2.jvmOption());
        }
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof ConvolutionLayer conv) {
                try {
                    CONV_HELPER.set(conv, helper(conv, i == 0));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The helper of {@code conv}; null lets DL4J compute it itself. */
    private ConvolutionHelper helper(ConvolutionLayer conv, boolean readsNetworkInput) {
        if (this == BUILT_IN) {
            return null;
        }
        ConvolutionHelper oneDnn = new MKLDNNConvHelper(conv.getParam(ConvolutionParamInitializer.WEIGHT_KEY).dataType());
        return readsNetworkInput ? new InputConvolutionHelper(oneDnn) : oneDnn;
    }

    private static Field helperField() {
        try {
            Field field = ConvolutionLayer.class.getDeclaredField("helper");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
