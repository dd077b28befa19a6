package org.convergence4j.models;

import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A deep fully connected net, the seminar's {@code nn.Sequential(Linear, act, ..., Linear)}
 * followed by log-softmax and {@code NLLLoss}:
 * <pre>
 *   a₀ = x,   aₗ = φ(aₗ₋₁·Wₗ + bₗ)  for l = 1 … L−1,   p = softmax(a_{L−1}·W_L + b_L)
 *   loss = −(1/N) Σₙ log p[n, yₙ]
 * </pre>
 * with {@code sizes = [n₀, n₁, …, n_L]}, every {@code Wₗ} of shape {@code [nₗ₋₁, nₗ]} drawn by the
 * same initializer and every {@code bₗ = 0}. The last size is the number of classes; the output
 * layer is DL4J's softmax + negative log-likelihood, which is PyTorch's log-softmax + NLLLoss (the
 * notebook itself applied NLLLoss to the raw last-layer output). Parameters are float32, as in PyTorch; the
 * updater is the caller's ({@link #configuration}), the seminar's Adam(1e-3) for {@link #build}.
 *
 * @param sizes the widths {@code [n₀ (input), n₁, …, n_L (classes)]}; at least an input and an output
 * @param activation φ, the activation of every hidden layer
 * @param init the initializer of every weight matrix, the output layer's included
 */
public record DeepMlp(List<Integer> sizes, Activation activation, IWeightInit init) {

    /** Adam's learning rate, the seminar's {@code lr=0.001}. */
    public static final double LEARNING_RATE = 1e-3;

    /**
     * @throws IllegalArgumentException if there are fewer than two sizes, a size is not positive or
     *     there are fewer than two classes
     */
    public DeepMlp {
        sizes = List.copyOf(sizes);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(init, "init");
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("a net needs at least an input and an output size, got " + sizes);
        }
        if (sizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("every layer size must be positive, got " + sizes);
        }
        if (sizes.get(sizes.size() - 1) < 2) {
            throw new IllegalArgumentException("softmax needs at least 2 classes, got sizes " + sizes);
        }
    }

    /** The number of dense layers L (weight matrices), the output layer included. */
    public int depth() {
        return sizes.size() - 1;
    }

    /** {@code nIn} of dense layer {@code layer} (0-based), i.e. its fan-in. */
    public int fanIn(int layer) {
        return sizes.get(layer);
    }

    /** {@code nOut} of dense layer {@code layer} (0-based), i.e. its fan-out. */
    public int fanOut(int layer) {
        return sizes.get(layer + 1);
    }

    /**
     * The DL4J configuration.
     *
     * @param seed fixes the initial weights
     * @param updater how every parameter is updated from its gradient, e.g. {@code new Adam(1e-3)}
     */
    public MultiLayerConfiguration configuration(long seed, IUpdater updater) {
        Objects.requireNonNull(updater, "updater");
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(init)
                .biasInit(0.0)
                .list();
        for (int l = 0; l < depth() - 1; l++) {
            layers.layer(new DenseLayer.Builder().nIn(fanIn(l)).nOut(fanOut(l)).activation(activation).build());
        }
        int last = depth() - 1;
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nIn(fanIn(last)).nOut(fanOut(last)).activation(Activation.SOFTMAX).build());
        return layers.build();
    }

    /** A new, initialized network with the seminar's Adam(1e-3); the same seed gives the same weights. */
    public MultiLayerNetwork build(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(seed, new Adam(LEARNING_RATE)));
        net.init();
        return net;
    }
}
