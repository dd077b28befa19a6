package org.convergence4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The contract, plus the per-example statistics and batch independence of layer normalization. */
class LayerNormalizationTest extends CustomLayerContract {

    private static final int N = 16;
    private static final int BATCH = 4;
    private static final double TOLERANCE = 1e-5;

    @Override
    protected CustomSameDiffLayer layer(int nIn) {
        return new LayerNormalization(nIn);
    }

    /**
     * With g = 1 and β = 0 every example comes out with mean 0 and biased variance σ²/(σ² + ε). The inputs have
     * σ ≈ 5, so that variance is within ε/σ² ≈ 4e-7 of 1.
     */
    @Test
    void normalizesEachExampleToMeanZeroAndVarianceOne() {
        INDArray x = randomInput(DataType.DOUBLE, BATCH, N).muli(5).addi(3);
        INDArray y = output(network(new LayerNormalization(N)), x);

        for (int i = 0; i < BATCH; i++) {
            INDArray row = y.getRow(i);
            assertEquals(0, row.meanNumber().doubleValue(), TOLERANCE, "mean of example " + i);
            assertEquals(1, row.var(false).getDouble(0), TOLERANCE, "variance of example " + i);
        }
    }

    /** At input scale 0.01, σ² ≈ 1e-4 and ε shifts the output by about 5%, so the comparison pins down where ε enters. */
    @Test
    void matchesTheFormulaComputedWithNd4j() {
        MultiLayerNetwork net = network(new LayerNormalization(N));
        INDArray gain = net.getLayer(0).getParam("g").assign(Nd4j.randn(DataType.DOUBLE, 1, N));
        INDArray shift = net.getLayer(0).getParam("beta").assign(Nd4j.randn(DataType.DOUBLE, 1, N));
        INDArray x = randomInput(DataType.DOUBLE, BATCH, N).muli(0.01);

        INDArray mean = x.mean(true, 1);
        INDArray variance = x.var(false, 1).reshape(BATCH, 1);
        INDArray expected = x.subColumnVector(mean)
                .divColumnVector(Transforms.sqrt(variance.add(LayerNormalization.EPSILON)))
                .mulRowVector(gain)
                .addRowVector(shift);
        assertEquals(0, output(net, x).sub(expected).amaxNumber().doubleValue(), TOLERANCE);
    }

    /** Replacing the other examples of a batch leaves an example's output alone, unlike batch normalization. */
    @Test
    void outputOfAnExampleDoesNotDependOnTheRestOfTheBatch() {
        assertTrue(firstExampleChange(new LayerNormalization(N)) <= TOLERANCE);
        assertTrue(firstExampleChange(new BatchNormalization.Builder().nOut(N).build()) > TOLERANCE,
                "batch normalization in training mode should couple the examples of a batch");
    }

    /** Largest change of the first example's training-mode output when the other examples are replaced. */
    private static double firstExampleChange(Layer layer) {
        MultiLayerNetwork net = network(layer);
        INDArray batch = randomInput(DataType.DOUBLE, BATCH, N);
        INDArray otherBatch = batch.dup();
        otherBatch.get(NDArrayIndex.interval(1, BATCH), NDArrayIndex.all())
                .assign(Nd4j.randn(DataType.DOUBLE, BATCH - 1, N).muli(3).addi(2));

        INDArray first = net.feedForward(batch, true).get(1).getRow(0).dup();
        INDArray firstInOtherBatch = net.feedForward(otherBatch, true).get(1).getRow(0);
        return first.sub(firstInOtherBatch).amaxNumber().doubleValue();
    }

    private static MultiLayerNetwork network(Layer layer) {
        return CustomLayerContract.network(DataType.DOUBLE, InputType.feedForward(N), layer);
    }

    private static INDArray output(MultiLayerNetwork net, INDArray x) {
        return net.feedForward(x, false).get(1);
    }
}
