package org.convergence4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The contract, plus RMSNorm's formula. */
class RMSNormTest extends CustomLayerContract {

    @Override
    protected CustomSameDiffLayer layer(int nIn) {
        return new RMSNorm(nIn);
    }

    /** At input scale 1e-4, mean(x²) ≈ ε, so the comparison also pins down where ε enters. */
    @Test
    void matchesTheFormulaComputedWithNd4j() {
        int n = 8;
        MultiLayerNetwork net = network(DataType.DOUBLE, InputType.feedForward(n), new RMSNorm(n));
        INDArray gain = net.getLayer(0).getParam("g").assign(Nd4j.randn(DataType.DOUBLE, 1, n));
        INDArray x = randomInput(DataType.DOUBLE, 3, n).muli(1e-4);

        INDArray rms = Transforms.sqrt(x.mul(x).mean(true, 1).add(RMSNorm.EPSILON));
        INDArray expected = x.divColumnVector(rms).mulRowVector(gain);
        INDArray actual = net.feedForward(x, false).get(1);
        assertEquals(0, actual.sub(expected).amaxNumber().doubleValue(), 1e-5);
    }
}
