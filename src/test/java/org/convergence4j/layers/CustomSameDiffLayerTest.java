package org.convergence4j.layers;

import static org.convergence4j.layers.CustomLayerContract.assertIdentical;
import static org.convergence4j.layers.CustomLayerContract.network;
import static org.convergence4j.layers.CustomLayerContract.oneHotLabels;
import static org.convergence4j.layers.CustomLayerContract.randomInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the base adds over DL4J's SameDiffLayer; the gradient check itself runs in {@link AffineLayerTest}. */
class CustomSameDiffLayerTest {

    private static final int FEATURES = 5;

    @Test
    void trainingFlagReachesTheGraph() {
        MultiLayerNetwork net = network(DataType.FLOAT, InputType.feedForward(FEATURES), new TrainingGate(FEATURES));
        INDArray x = randomInput(DataType.FLOAT, 4, FEATURES);

        assertIdentical(x, net.feedForward(x, true).get(1));
        assertEquals(0, net.feedForward(x, false).get(1).amaxNumber().doubleValue());
    }

    /**
     * Documents the DL4J 1.0.0-M2.1 defect the base works around: with identical parameters, DL4J's SameDiffLayer
     * returns exactly twice the base's gradients for its own parameters and, through dL/dx, for every layer below.
     * Scaling by 2 is exact in binary floating point, so only rounding of re-ordered sums is tolerated. If this
     * fails after a DL4J upgrade, the defect may be fixed upstream.
     */
    @Test
    void dl4jSameDiffLayerDoublesTheGradientsTheBaseGetsRight() {
        MultiLayerNetwork base = affineNetwork(new AffineLayer(FEATURES, 3));
        MultiLayerNetwork stock = affineNetwork(new StockAffineLayer(FEATURES, 3));
        stock.setParams(base.params());

        Gradient baseGradient = gradient(base);
        Gradient stockGradient = gradient(stock);
        for (String param : new String[] {"0_W", "0_b", "1_W", "1_b"}) {
            INDArray expected = baseGradient.getGradientFor(param).mul(2);
            double error = stockGradient.getGradientFor(param).sub(expected).amaxNumber().doubleValue();
            assertEquals(0, error, 1e-12 * expected.amaxNumber().doubleValue(), param);
        }
        INDArray outputLayerGradient = baseGradient.getGradientFor("2_W");
        assertIdentical(outputLayerGradient, stockGradient.getGradientFor("2_W"));
    }

    @Test
    void rejectsAnInputOfTheWrongWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network(DataType.FLOAT, InputType.feedForward(FEATURES + 1), new AffineLayer(FEATURES, 3)));
        assertEquals("AffineLayer (layer 0) has nIn=5 but its input InputTypeFeedForward(6) has 6 features per "
                + "example; construct it with nIn=6", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"input", "training", "epsilon"})
    void rejectsParametersNamedLikeTheRuntimesPlaceholders(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network(DataType.FLOAT, InputType.feedForward(FEATURES), new NamedParameter(FEATURES, name)));
        assertEquals("NamedParameter defines a parameter named '" + name + "', but [input, training, epsilon] are "
                + "reserved for the runtime's placeholders; rename the parameter in defineParameters", e.getMessage());
    }

    @Test
    void rejectsPassInputsNamedLikeTheRuntimesPlaceholders() {
        MultiLayerNetwork net = network(DataType.FLOAT, InputType.feedForward(FEATURES), new TrainingPassInput(FEATURES));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.output(randomInput(DataType.FLOAT, 4, FEATURES)));
        assertEquals("TrainingPassInput.passInputs returned an array for placeholder 'training', but [input, training, "
                + "epsilon] are reserved for the runtime's placeholders; rename it", e.getMessage());
    }

    private static MultiLayerNetwork affineNetwork(org.deeplearning4j.nn.conf.layers.Layer affine) {
        return network(DataType.DOUBLE, InputType.feedForward(FEATURES),
                new DenseLayer.Builder().nOut(FEATURES).activation(Activation.TANH).build(), affine);
    }

    private static Gradient gradient(MultiLayerNetwork net) {
        INDArray x = randomInput(DataType.DOUBLE, 4, FEATURES);
        net.setInput(x);
        net.setLabels(oneHotLabels(DataType.DOUBLE, 4));
        net.computeGradientAndScore();
        return net.gradient();
    }

    /** {@code y = training · x}: passes its input in training and zeroes it in inference. */
    private static final class TrainingGate extends CustomSameDiffLayer {

        TrainingGate(long n) {
            super(n, n);
        }

        @Override
        public void defineParameters(SDLayerParams params) {
        }

        @Override
        public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
                                      SDVariable training) {
            return input.mul(training);
        }

        @Override
        public void initializeParameters(Map<String, INDArray> params) {
        }
    }

    /** {@code y = x ∘ w} with its one parameter named as the test asks. */
    private static final class NamedParameter extends CustomSameDiffLayer {

        private final String name;

        NamedParameter(long n, String name) {
            super(n, n);
            this.name = name;
        }

        @Override
        public void defineParameters(SDLayerParams params) {
            params.addWeightParam(name, 1, nIn());
        }

        @Override
        public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
                                      SDVariable training) {
            return input.mul(params.get(name));
        }

        @Override
        public void initializeParameters(Map<String, INDArray> params) {
        }
    }

    /** Identity layer whose pass input would replace the training flag. */
    private static final class TrainingPassInput extends CustomSameDiffLayer {

        TrainingPassInput(long n) {
            super(n, n);
        }

        @Override
        public void defineParameters(SDLayerParams params) {
        }

        @Override
        public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
                                      SDVariable training) {
            return input.mul(1);
        }

        @Override
        public Map<String, INDArray> passInputs(boolean training, DataType dataType) {
            return Map.of("training", Nd4j.scalar(dataType, 1));
        }

        @Override
        public void initializeParameters(Map<String, INDArray> params) {
        }
    }

    /** {@link AffineLayer}'s math on DL4J's own SameDiffLayer. */
    private static final class StockAffineLayer extends SameDiffLayer {

        private final long nIn;
        private final long nOut;

        StockAffineLayer(long nIn, long nOut) {
            this.nIn = nIn;
            this.nOut = nOut;
        }

        @Override
        public void defineParameters(SDLayerParams params) {
            params.addWeightParam(AffineLayer.WEIGHT, nIn, nOut);
            params.addBiasParam(AffineLayer.BIAS, 1, nOut);
        }

        @Override
        public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
                                      SDVariable mask) {
            return input.mmul(params.get(AffineLayer.WEIGHT)).add(params.get(AffineLayer.BIAS));
        }

        @Override
        public void initializeParameters(Map<String, INDArray> params) {
        }

        @Override
        public InputType getOutputType(int layerIndex, InputType inputType) {
            return InputType.feedForward(nOut);
        }
    }
}
