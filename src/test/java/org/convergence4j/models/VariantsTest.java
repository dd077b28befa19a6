package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.convergence4j.layers.CustomSameDiffLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Every registered kind, at its defaults and with each parameter changed, builds a TestNetwork that trains. */
class VariantsTest {

    /** Every kind at its defaults, and every kind with each parameter moved to another allowed value. */
    static Stream<Variant> variants() {
        return Variants.KINDS.stream().flatMap(k -> Stream.concat(Stream.of(k.defaults()),
                k.parameters().stream().map(p -> k.defaults().with(p.name(), otherValue(p)))));
    }

    /** An allowed value other than the default: halfway to an end of the interval, whole for a count. */
    static double otherValue(Parameter p) {
        double v = (p.defaultValue() + (p.max() < 10 * Math.max(1, p.defaultValue()) ? p.max() : p.min())) / 2;
        return p.integer() ? Math.rint(v) : v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void parameterCountIsTheSumOverItsLayers(Variant variant) {
        MultiLayerNetwork net = TestNetwork.build(variant, 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        long expected = 0;
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            expected += parameters(layer.conf().getLayer());
        }
        assertEquals(expected, net.numParams());
        assertTrue(net.numParams() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theHiddenWidthIsTheVariantsWidth(Variant variant) {
        MultiLayerNetwork net = TestNetwork.build(variant, 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        List<Integer> widths = variant.head().widths();
        if (!widths.isEmpty()) {
            assertEquals((int) variant.value("width"), widths.get(widths.size() - 1), "the last hidden width");
        }
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 784);
        List<INDArray> activations = net.feedForward(x, false);
        for (int width : widths) {
            assertTrue(activations.stream().anyMatch(a -> a.rank() == 2 && a.columns() == width),
                    "some layer has " + width + " units");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void buildsAndTrainsOneStep(Variant variant) {
        MultiLayerNetwork net = TestNetwork.build(variant, 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 10);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, i % 10, 1);
        }
        INDArray before = net.params().dup();

        net.fit(new DataSet(x, y));

        assertTrue(Double.isFinite(net.score()), "loss " + net.score());
        assertNotEquals(before, net.params(), "one Adam step must change the parameters");
        INDArray p = net.output(x, false);
        assertEquals(10, p.columns());
        assertTrue(p.sum(1).sub(1).amaxNumber().doubleValue() < 1e-5, "rows are distributions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theDescriptionNamesEveryNonDefaultValue(Variant variant) {
        for (Parameter p : variant.kind().parameters()) {
            if (variant.value(p.name()) != p.defaultValue()) {
                assertTrue(variant.description().contains(Parameter.format(variant.value(p.name()))),
                        variant.description());
            }
        }
    }

    /**
     * A layer's parameter count from its configuration: weights and biases of an affine map (a convolution's
     * weights per kernel position), BatchNorm's γ, β, running mean and running variance, and a custom layer's
     * declared parameter shapes.
     */
    private static long parameters(Layer layer) {
        if (layer instanceof CustomSameDiffLayer custom) {
            SDLayerParams params = new SDLayerParams();
            custom.defineParameters(params);
            return params.getParamShapes().values().stream()
                    .mapToLong(shape -> Arrays.stream(shape).reduce(1, (a, b) -> a * b)).sum();
        }
        if (layer instanceof BatchNormalization bn) {
            return 4 * bn.getNOut();
        }
        if (layer instanceof ConvolutionLayer conv) {
            int[] k = conv.getKernelSize();
            return conv.getNIn() * conv.getNOut() * k[0] * k[1] + conv.getNOut();
        }
        if (layer instanceof DenseLayer || layer instanceof OutputLayer) {
            FeedForwardLayer ff = (FeedForwardLayer) layer;
            return ff.getNIn() * ff.getNOut() + ff.getNOut();
        }
        return 0; // pooling, activation, dropout, loss: no parameters
    }
}
