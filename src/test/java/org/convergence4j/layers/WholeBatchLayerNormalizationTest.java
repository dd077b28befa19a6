package org.convergence4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.convergence4j.layers.LayerNormalization.Statistics;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link LayerNormalization} with {@link Statistics#BATCH}, the notebook's layer as its code ran, under the contract
 * every custom layer meets (double-precision gradient checks included), and against its formula.
 */
class WholeBatchLayerNormalizationTest extends CustomLayerContract {

    private static final int N = 16;
    private static final int BATCH = 4;
    private static final double TOLERANCE = 1e-10;

    @Override
    protected CustomSameDiffLayer layer(int nIn) {
        return new LayerNormalization(nIn, Statistics.BATCH);
    }

    private static MultiLayerNetwork network(Layer layer) {
        return CustomLayerContract.network(DataType.DOUBLE, InputType.feedForward(N), layer);
    }

    private static INDArray output(MultiLayerNetwork net, INDArray x) {
        return net.feedForward(x, false).get(1);
    }

    /** y = g ∘ (x − m) / (s + 1e-8) + β with one mean m and one unbiased std s of all batch·n elements. */
    @Test
    void matchesTheNotebooksFormula() {
        MultiLayerNetwork net = network(new LayerNormalization(N, Statistics.BATCH));
        INDArray gain = net.getLayer(0).getParam("g").assign(Nd4j.randn(DataType.DOUBLE, 1, N));
        INDArray shift = net.getLayer(0).getParam("beta").assign(Nd4j.randn(DataType.DOUBLE, 1, N));
        INDArray x = randomInput(DataType.DOUBLE, BATCH, N).muli(3).addi(1);

        double m = x.meanNumber().doubleValue();
        double s = x.stdNumber().doubleValue(); // ND4J's std is the unbiased one, as torch's x.std()
        INDArray expected = x.sub(m).div(s + LayerNormalization.BATCH_EPSILON).mulRowVector(gain).addRowVector(shift);

        assertEquals(0, output(net, x).sub(expected).amaxNumber().doubleValue(), TOLERANCE);
    }

    /** Its statistics couple the batch: an example's output changes with the others; the per-example one does not. */
    @Test
    void anExamplesOutputDependsOnItsBatch() {
        INDArray x = randomInput(DataType.DOUBLE, BATCH, N);
        INDArray firstAlone = x.getRow(0).reshape(1, N).dup();
        for (Statistics statistics : Statistics.values()) {
            MultiLayerNetwork net = network(new LayerNormalization(N, statistics));
            double change = output(net, x).getRow(0).sub(output(net, firstAlone).getRow(0)).amaxNumber().doubleValue();
            if (statistics == Statistics.BATCH) {
                assertNotEquals(0, change, 1e-6);
            } else {
                assertEquals(0, change, TOLERANCE);
            }
        }
    }

    /** The setting is a configuration field, so it is part of the run's identity; the default leaves the JSON as it was. */
    @Test
    void theSettingIsInTheJsonOnlyWhenItIsNotTheDefault() {
        MultiLayerConfiguration perExample = network(new LayerNormalization(N)).getLayerWiseConfigurations();
        MultiLayerConfiguration wholeBatch = network(new LayerNormalization(N, Statistics.BATCH))
                .getLayerWiseConfigurations();
        assertEquals(false, perExample.toJson().contains("statistics"));
        assertEquals(true, wholeBatch.toJson().contains("\"statistics\" : \"BATCH\""));
        assertEquals(wholeBatch, MultiLayerConfiguration.fromJson(wholeBatch.toJson()));
        assertNotEquals(perExample.getConf(0).getLayer(), wholeBatch.getConf(0).getLayer());
    }
}
