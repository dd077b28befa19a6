package org.convergence4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * What every {@link CustomSameDiffLayer} must satisfy. A layer's test extends this class and supplies
 * {@link #layer(int)}; the contract then checks, for that layer inside small {@link MultiLayerNetwork}s:
 * backprop gradients against central differences (double precision, after a dense and after a convolution layer),
 * JSON and {@link ModelSerializer} round trips, output shape inference (also after a convolution layer),
 * deterministic inference, and training with DL4J's workspaces.
 */
public abstract class CustomLayerContract {

    /** Central differences with step h have truncation error O(h²) ≈ 1e-12, far below the relative limit. */
    private static final double FINITE_DIFFERENCE_STEP = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-6;
    /**
     * Central differences also carry rounding error ≈ u·|L|/h ≈ 1e-16 · 1 / 1e-6 = 1e-10 for a loss of order 1, which
     * dominates the relative error of tiny gradients; absolute differences below ten times that are noise.
     */
    private static final double MIN_ABSOLUTE_ERROR = 1e-9;

    private static final long SEED = 12345;
    private static final int BATCH = 4;
    private static final int FEATURES = 5;
    private static final int CLASSES = 3;
    private static final int IMAGE_SIDE = 5;
    private static final int CONV_CHANNELS = 2;
    /** A 3×3 kernel without padding turns a 5×5 image into 3×3 per channel. */
    private static final int CONV_FEATURES = CONV_CHANNELS * 3 * 3;

    /**
     * @param nIn number of input features the layer must accept
     * @return a new configuration of the layer under test
     */
    protected abstract CustomSameDiffLayer layer(int nIn);

    @Test
    void gradientsMatchFiniteDifferencesAfterDenseLayer() {
        CustomSameDiffLayer layer = layer(FEATURES);
        withDoublePrecision(() -> assertGradientsCorrect(network(DataType.DOUBLE, InputType.feedForward(FEATURES),
                        new DenseLayer.Builder().nOut(FEATURES).activation(Activation.TANH).build(), layer),
                randomInput(DataType.DOUBLE, BATCH, FEATURES)));
    }

    @Test
    void gradientsMatchFiniteDifferencesAfterConvolutionLayer() {
        CustomSameDiffLayer layer = layer(CONV_FEATURES);
        withDoublePrecision(() -> assertGradientsCorrect(network(DataType.DOUBLE, convolutionalInput(),
                        convolution(), layer),
                randomInput(DataType.DOUBLE, BATCH, 1, IMAGE_SIDE, IMAGE_SIDE)));
    }

    @Test
    void jsonRoundTripGivesSameConfigurationAndOutput() {
        MultiLayerNetwork net = network(DataType.FLOAT, InputType.feedForward(FEATURES), layer(FEATURES));
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertEquals(net.getLayerWiseConfigurations(), restored);

        MultiLayerNetwork copy = new MultiLayerNetwork(restored);
        copy.init(net.params().dup(), false);
        INDArray x = randomInput(DataType.FLOAT, BATCH, FEATURES);
        assertIdentical(net.output(x, false), copy.output(x, false));
    }

    @Test
    void modelSerializerRoundTripGivesSameOutput(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = network(DataType.FLOAT, InputType.feedForward(FEATURES), layer(FEATURES));
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
        INDArray x = randomInput(DataType.FLOAT, BATCH, FEATURES);
        assertIdentical(net.output(x, false), restored.output(x, false));
    }

    @Test
    void inferredOutputTypeMatchesActualOutputShape() {
        CustomSameDiffLayer layer = layer(FEATURES);
        InputType inferred = layer.getOutputType(0, InputType.feedForward(FEATURES));
        assertInstanceOf(InputType.InputTypeFeedForward.class, inferred);

        MultiLayerNetwork net = network(DataType.FLOAT, InputType.feedForward(FEATURES), layer);
        INDArray activation = net.feedForward(randomInput(DataType.FLOAT, BATCH, FEATURES), false).get(1);
        assertArrayEquals(new long[] {BATCH, inferred.arrayElementsPerExample()}, activation.shape());
    }

    @Test
    void flattensConvolutionalInput() {
        CustomSameDiffLayer layer = layer(CONV_FEATURES);
        MultiLayerNetwork net = network(DataType.FLOAT, convolutionalInput(), convolution(), layer);
        assertInstanceOf(CnnToFeedForwardPreProcessor.class, net.getLayerWiseConfigurations().getInputPreProcess(1));

        INDArray image = randomInput(DataType.FLOAT, BATCH, 1, IMAGE_SIDE, IMAGE_SIDE);
        INDArray activation = net.feedForward(image, false).get(2);
        long nOut = layer.getOutputType(1, InputType.feedForward(CONV_FEATURES)).arrayElementsPerExample();
        assertArrayEquals(new long[] {BATCH, nOut}, activation.shape());
    }

    @Test
    void inferenceIsDeterministic() {
        MultiLayerNetwork net = network(DataType.FLOAT, InputType.feedForward(FEATURES), layer(FEATURES));
        INDArray x = randomInput(DataType.FLOAT, BATCH, FEATURES);
        assertIdentical(net.output(x, false), net.output(x, false));
    }

    /** Repeated fitting reuses DL4J's workspaces; on one fixed batch, Adam must lower the loss. */
    @Test
    void fittingLowersTheLossOnAFixedBatch() {
        MultiLayerNetwork net = network(new Adam(0.01), DataType.FLOAT, InputType.feedForward(FEATURES),
                layer(FEATURES));
        DataSet batch = new DataSet(randomInput(DataType.FLOAT, BATCH, FEATURES), oneHotLabels(DataType.FLOAT, BATCH));
        double before = net.score(batch);
        for (int i = 0; i < 20; i++) {
            net.fit(batch);
        }
        assertTrue(net.score(batch) < before, () -> "loss rose from " + before + " to " + net.score(batch));
    }

    /**
     * A network {@code layers → softmax output layer} on the given input type, with no updater (gradient checks
     * require it) and the contract's seed.
     */
    static MultiLayerNetwork network(DataType dataType, InputType inputType,
                                     org.deeplearning4j.nn.conf.layers.Layer... layers) {
        return network(new NoOp(), dataType, inputType, layers);
    }

    private static MultiLayerNetwork network(IUpdater updater, DataType dataType, InputType inputType,
                                             org.deeplearning4j.nn.conf.layers.Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .dataType(dataType)
                .updater(updater)
                .list();
        for (org.deeplearning4j.nn.conf.layers.Layer layer : layers) {
            list.layer(layer);
        }
        MultiLayerConfiguration conf = list
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(inputType)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * Runs {@link GradientCheckUtil} on {@code net} with {@link #oneHotLabels} and fails if any parameter's
     * backprop gradient differs from the central difference by more than the contract's limits. The RNG is
     * re-seeded before every forward pass so that random layers (DropConnect) draw the same mask in each.
     */
    static void assertGradientsCorrect(MultiLayerNetwork net, INDArray input) {
        boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(net).input(input).labels(oneHotLabels(DataType.DOUBLE, input.size(0)))
                .epsilon(FINITE_DIFFERENCE_STEP).maxRelError(MAX_RELATIVE_ERROR).minAbsoluteError(MIN_ABSOLUTE_ERROR)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
                .callEachIter(n -> Nd4j.getRandom().setSeed(SEED)));
        assertTrue(passed, "gradient check failed; the failing parameters are logged above");
    }

    /** Runs {@code check} with ND4J's default data type set to double, as GradientCheckUtil demands. */
    static void withDoublePrecision(Runnable check) {
        DataType defaultType = Nd4j.dataType();
        DataType defaultFloatingType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            check.run();
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultFloatingType);
        }
    }

    /** Labels cycling through the classes, so that every batch has several. */
    static INDArray oneHotLabels(DataType dataType, long batch) {
        INDArray labels = Nd4j.zeros(dataType, batch, CLASSES);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % CLASSES, 1.0);
        }
        return labels;
    }

    /** Standard normal values, reproducible: re-seeds ND4J's global RNG first. */
    static INDArray randomInput(DataType dataType, long... shape) {
        Nd4j.getRandom().setSeed(SEED);
        return Nd4j.randn(dataType, shape);
    }

    /** Bitwise equality: the same computation on the same parameters must give the same numbers. */
    static void assertIdentical(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.dup('c').data().asDouble(), actual.dup('c').data().asDouble());
    }

    private static InputType convolutionalInput() {
        return InputType.convolutional(IMAGE_SIDE, IMAGE_SIDE, 1);
    }

    private static ConvolutionLayer convolution() {
        return new ConvolutionLayer.Builder(3, 3).nOut(CONV_CHANNELS).activation(Activation.TANH).build();
    }
}
