package org.convergence4j.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.init.VarianceScaling;
import org.convergence4j.models.DeepMlp;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class LayerStdListenerTest {

    private static final int N = 8;
    private static final double FLOAT_TOLERANCE = 1e-5;

    @Test
    void samplesEveryNthIterationWithTheProbesStatistics() {
        MultiLayerNetwork net = new DeepMlp(List.of(6, 5, 4, 3), Activation.TANH,
                VarianceScaling.xavier(VarianceScaling.Distribution.NORMAL)).build(3);
        DataSet batch = batch();
        LayerStdListener listener = new LayerStdListener(2);
        net.setListeners(listener);

        List<TrainingSample> expected = new ArrayList<>();
        for (int iteration = 0; iteration < 5; iteration++) {
            if (iteration % 2 == 0) {
                expected.add(expectedSample(net.clone(), batch, iteration));
            }
            net.fit(batch);
        }

        List<TrainingSample> samples = listener.samples();
        assertEquals(List.of(0, 2, 4), samples.stream().map(TrainingSample::iteration).toList());
        for (int s = 0; s < samples.size(); s++) {
            assertAllClose(expected.get(s).activationStd(), samples.get(s).activationStd());
            assertAllClose(expected.get(s).weightGradStd(), samples.get(s).weightGradStd());
        }
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThrows(IllegalArgumentException.class, () -> new LayerStdListener(0));
    }

    /**
     * What the listener should see before the update of {@code iteration}: the probe's input stds
     * (no dropout, so training and inference forward passes agree) and DL4J's summed weight
     * gradient divided by N.
     */
    private static TrainingSample expectedSample(MultiLayerNetwork before, DataSet batch, int iteration) {
        List<Double> activation = StdProbe.measure(before, batch).stream().map(LayerStd::activationStd).toList();
        Gradient summed = before.calculateGradients(batch.getFeatures(), batch.getLabels(), null, null).getFirst();
        List<Double> weightGrad = new ArrayList<>();
        for (int l = 0; l < before.getnLayers(); l++) {
            weightGrad.add(Std.of(summed.getGradientFor(l + "_W").div(N)));
        }
        return new TrainingSample(iteration, 0, activation, weightGrad);
    }

    private static DataSet batch() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, N, 6);
        INDArray y = Nd4j.zeros(DataType.FLOAT, N, 3);
        for (int n = 0; n < N; n++) {
            y.putScalar(n, n % 3, 1.0);
        }
        return new DataSet(x, y);
    }

    private static void assertAllClose(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), FLOAT_TOLERANCE * expected.get(i), "layer " + i);
        }
    }
}
