package org.convergence4j.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.init.VarianceScaling;
import org.convergence4j.models.DeepMlp;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

class StdProbeTest {

    private static final int N = 7;
    private static final List<Integer> SIZES = List.of(6, 5, 4, 3);
    /** float32 has a 6e-8 relative rounding error; a few dozen operations stay well below 1e-5. */
    private static final double FLOAT_TOLERANCE = 1e-5;

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void matchesAnIndependentNd4jComputation(Activation activation) {
        MultiLayerNetwork net = tinyNet(activation);
        DataSet batch = batch(11);
        ProbeTrace trace = StdProbe.trace(net, batch);
        Reference ref = new Reference(net, batch, activation);

        assertEquals(ref.loss, trace.loss(), FLOAT_TOLERANCE * ref.loss, "mean NLL");
        List<LayerStd> stats = StdProbe.summarize(net, trace);
        for (int l = 0; l < SIZES.size() - 1; l++) {
            assertClose(ref.inputs.get(l), trace.inputs().get(l), "input of layer " + l);
            assertClose(ref.inputGradients.get(l), trace.inputGradients().get(l), "dL/da of layer " + l);
            assertClose(ref.preActGradients.get(l), trace.preActivationGradients().get(l), "dL/dz of layer " + l);

            LayerStd s = stats.get(l);
            assertEquals(l + 1, s.layer());
            assertEquals((long) SIZES.get(l), s.fanIn());
            assertEquals((long) SIZES.get(l + 1), s.fanOut());
            assertRelative(unbiasedStd(ref.inputs.get(l)), s.activationStd());
            assertRelative(unbiasedStd(ref.inputGradients.get(l)), s.inputGradStd());
            assertRelative(unbiasedStd(ref.preActGradients.get(l)), s.preactGradStd());
        }
    }

    /**
     * DL4J backpropagates the loss summed over the batch: its input gradient and bias gradients
     * (Σₙ dL/dzₗ) are N times the probe's mean-loss gradients.
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void agreesWithDl4jsCalculateGradientsTimesBatchSize(Activation activation) {
        MultiLayerNetwork net = tinyNet(activation);
        DataSet batch = batch(12);
        ProbeTrace trace = StdProbe.trace(net, batch);

        Pair<Gradient, INDArray> dl4j = net.calculateGradients(batch.getFeatures(), batch.getLabels(), null, null);
        assertClose(dl4j.getSecond(), trace.inputGradients().get(0).mul(N), "dL/dx");
        for (int l = 0; l < SIZES.size() - 1; l++) {
            INDArray biasGradient = dl4j.getFirst().getGradientFor(l + "_b");
            assertClose(biasGradient.reshape(1, -1), trace.preActivationGradients().get(l).sum(true, 0).mul(N),
                    "bias gradient of layer " + l);
        }
    }

    @Test
    void rejectsNetsAndBatchesItCannotProbe() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(6).nOut(3).build())
                .layer(new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork lossLayerNet = new MultiLayerNetwork(conf);
        lossLayerNet.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StdProbe.trace(lossLayerNet, batch(1)));
        assertTrue(e.getMessage().contains("layer 1 is LossLayer"), e.getMessage());

        DataSet wide = new DataSet(Nd4j.randn(DataType.FLOAT, N, 7), batch(1).getLabels());
        assertThrows(IllegalArgumentException.class, () -> StdProbe.trace(tinyNet(Activation.TANH), wide));
    }

    /** A 6→5→4→3 net with random (non-zero) biases, so that the bias term is exercised too. */
    private static MultiLayerNetwork tinyNet(Activation activation) {
        MultiLayerNetwork net = new DeepMlp(SIZES, activation, VarianceScaling.xavier(
                VarianceScaling.Distribution.NORMAL)).build(42);
        for (int l = 0; l < net.getnLayers(); l++) {
            INDArray b = net.getLayer(l).getParam("b");
            b.assign(Nd4j.randn(DataType.FLOAT, b.shape()).muli(0.3));
        }
        return net;
    }

    private static DataSet batch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(DataType.FLOAT, N, SIZES.get(0));
        INDArray y = Nd4j.zeros(DataType.FLOAT, N, 3);
        for (int n = 0; n < N; n++) {
            y.putScalar(n, n % 3, 1.0);
        }
        return new DataSet(x, y);
    }

    /** The textbook forward and backward pass, in double precision, with hand-written derivatives. */
    private static final class Reference {
        final List<INDArray> inputs = new ArrayList<>();
        final List<INDArray> inputGradients = new ArrayList<>();
        final List<INDArray> preActGradients = new ArrayList<>();
        final double loss;

        Reference(MultiLayerNetwork net, DataSet batch, Activation activation) {
            int depth = net.getnLayers();
            List<INDArray> w = new ArrayList<>();
            List<INDArray> z = new ArrayList<>();
            INDArray a = batch.getFeatures().castTo(DataType.DOUBLE);
            INDArray y = batch.getLabels().castTo(DataType.DOUBLE);
            for (int l = 0; l < depth; l++) {
                inputs.add(a);
                w.add(net.getLayer(l).getParam("W").castTo(DataType.DOUBLE));
                INDArray b = net.getLayer(l).getParam("b").castTo(DataType.DOUBLE);
                z.add(a.mmul(w.get(l)).addRowVector(b));
                a = activation == Activation.TANH ? Transforms.tanh(z.get(l), true) : Transforms.relu(z.get(l), true);
            }
            INDArray logits = z.get(depth - 1);
            INDArray shifted = logits.subColumnVector(logits.max(1));
            INDArray p = Transforms.exp(shifted, true);
            p.diviColumnVector(p.sum(1));
            loss = -Transforms.log(p, true).mul(y).sumNumber().doubleValue() / N;

            INDArray[] dA = new INDArray[depth];
            INDArray[] dZ = new INDArray[depth];
            dZ[depth - 1] = p.sub(y).divi(N);
            for (int l = depth - 1; l >= 0; l--) {
                dA[l] = dZ[l].mmul(w.get(l).transpose());
                if (l > 0) {
                    INDArray out = inputs.get(l);
                    INDArray derivative = activation == Activation.TANH
                            ? out.mul(out).rsubi(1.0)
                            : z.get(l - 1).gt(0).castTo(DataType.DOUBLE);
                    dZ[l - 1] = dA[l].mul(derivative);
                }
            }
            inputGradients.addAll(List.of(dA));
            preActGradients.addAll(List.of(dZ));
        }
    }

    private static double unbiasedStd(INDArray a) {
        double mean = a.meanNumber().doubleValue();
        double ss = Transforms.pow(a.sub(mean), 2).sumNumber().doubleValue();
        return Math.sqrt(ss / (a.length() - 1));
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray a = actual.castTo(DataType.DOUBLE);
        assertEquals(List.of(e.shape()[0], e.shape()[1]), List.of(a.shape()[0], a.shape()[1]), what + " shape");
        double scale = e.amaxNumber().doubleValue();
        double diff = e.sub(a).amaxNumber().doubleValue();
        assertTrue(diff <= FLOAT_TOLERANCE * scale, what + ": max |diff| " + diff + " vs scale " + scale);
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, FLOAT_TOLERANCE * expected);
    }
}
