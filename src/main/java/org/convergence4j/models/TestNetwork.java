package org.convergence4j.models;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.init.VarianceScaling;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.backend.GenericMaxPooling;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The seminar's {@code TestNetwork}: a small convolutional trunk followed by the {@link Head} of a {@link Variant}.
 * <pre>
 *   input [n, 784] → 1×28×28
 *   Conv2d(1→2, 3×3, pad 1) → MaxPool 2 → ReLU        → 2×14×14
 *   Conv2d(2→4, 3×3, pad 1) → MaxPool 2 → ReLU        → 4×7×7 = 196 features (flattened c, h, w)
 *   head: 196 → width → width → 10 (width 128 in the seminar; see Head), softmax, negative log-likelihood
 * </pre>
 * The ReLU is applied inside each convolution, before pooling: since ReLU is monotone
 * non-decreasing, relu(maxpool(x)) = maxpool(relu(x)) elementwise, so the function and its
 * gradient equal the seminar's order while one layer per stage is saved. Trained with
 * Adam(lr) (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, PyTorch's defaults).
 *
 * <p>The network caches each convolution's forward results (im2col patches and pre-activations) for its
 * backward pass ({@link CacheMode#DEVICE}); without the cache DL4J recomputes the whole forward convolution in
 * backprop. Same values, same gradients, about a third less time per training step (docs/PERFORMANCE.md).
 * The convolutions run on the fastest {@link ConvolutionEngine} the loaded native build offers, the pooling on
 * libnd4j's generic kernels ({@link GenericMaxPooling}).
 */
public final class TestNetwork {

    /** Input image side in pixels. */
    public static final int SIDE = 28;
    /** Features entering the head: 4 channels × 7 × 7. */
    public static final int FEATURES = 4 * 7 * 7;
    /** Number of classes. */
    public static final int CLASSES = 10;

    /**
     * PyTorch's default for {@code nn.Linear} and {@code nn.Conv2d}, which the seminar's TestNetwork
     * runs with: {@code kaiming_uniform_(a=√5)}, i.e. W ~ U(−1/√fanIn, 1/√fanIn), Var(W) = 1/(3·fanIn)
     * (fanIn = nIn·kH·kW for a convolution, as in DL4J). PyTorch also draws the biases from that
     * uniform; here they start at 0.
     */
    public static final IWeightInit PYTORCH_DEFAULT =
            new VarianceScaling(VarianceScaling.Distribution.UNIFORM, VarianceScaling.FanMode.IN, 1.0 / 3);

    private TestNetwork() {
    }

    /**
     * Builds and initializes the network.
     *
     * @param variant the head's variant
     * @param seed seed of the parameter initialization
     * @param learningRate Adam's learning rate (the seminar uses 0.001)
     * @param weightInit initialization of every weight matrix; biases start at 0
     */
    public static MultiLayerNetwork build(Variant variant, long seed, double learningRate, IWeightInit weightInit) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(variant.head(), seed, learningRate, weightInit));
        net.init();
        ConvolutionEngine.available().install(net);
        return net;
    }

    /**
     * The DL4J configuration of the trunk followed by {@code head}, which {@link #build} initializes: every layer
     * with all its hyper-parameters.
     */
    public static MultiLayerConfiguration configuration(Head head, long seed, double learningRate,
            IWeightInit weightInit) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(weightInit)
                .biasInit(0)
                .cacheMode(CacheMode.DEVICE)
                .list()
                .layer(conv(1, 2))
                .layer(maxPool())
                .layer(conv(2, 4))
                .layer(maxPool());
        int fanIn = FEATURES;
        for (int width : head.widths()) {
            for (Layer layer : head.hidden().layers(fanIn, width)) {
                list.layer(layer);
            }
            fanIn = width;
        }
        for (Layer layer : head.output().layers(fanIn, CLASSES)) {
            list.layer(layer);
        }
        return list.setInputType(InputType.convolutionalFlat(SIDE, SIDE, 1)).build();
    }

    /**
     * A short name for each layer of the network of {@code variant}, in DL4J's layer order, e.g.
     * {@code conv}, {@code max-pool}, {@code dense}, {@code LayerNormalization}: labels for
     * per-layer statistics.
     */
    public static List<String> layerNames(Variant variant) {
        MultiLayerNetwork net = build(variant, 0, 1e-3, PYTORCH_DEFAULT);
        List<String> names = new ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            Layer conf = layer.conf().getLayer();
            names.add(conf instanceof ConvolutionLayer ? "conv"
                    : conf instanceof SubsamplingLayer ? "max-pool"
                    : conf instanceof OutputLayer ? "output"
                    : conf instanceof DenseLayer ? "dense"
                    : conf instanceof ActivationLayer a ? a.getActivationFn().toString()
                    : conf.getClass().getSimpleName());
        }
        return names;
    }

    private static ConvolutionLayer conv(int nIn, int nOut) {
        return new ConvolutionLayer.Builder(3, 3).nIn(nIn).nOut(nOut).padding(1, 1).stride(1, 1)
                .activation(Activation.RELU)
                .cudnnAllowFallback(false) // a failing oneDNN helper throws instead of silently changing engine
                .build();
    }

    private static SubsamplingLayer maxPool() {
        return new GenericMaxPooling(2, 2);
    }
}
