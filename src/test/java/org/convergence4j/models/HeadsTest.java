package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HeadsTest {

    /** Weights plus biases of a layer with {@code in} inputs and {@code out} outputs. */
    private static long affine(long in, long out) {
        return in * out + out;
    }

    @Test
    void baselineHasTheParametersOfItsLayers() {
        MultiLayerNetwork net = TestNetwork.build(Heads.BASELINE, 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        long trunk = affine(1 * 3 * 3, 2) + affine(2 * 3 * 3, 4);
        long head = affine(196, 128) + affine(128, 128) + affine(128, 10);
        assertEquals(trunk + head, net.numParams());
    }

    @Test
    void outputIsADistributionOverTenClasses() {
        MultiLayerNetwork net = TestNetwork.build(Heads.BASELINE, 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        INDArray p = net.output(Nd4j.rand(5, 784), false);
        assertEquals(5, p.rows());
        assertEquals(10, p.columns());
        assertTrue(p.sum(1).sub(1).amaxNumber().doubleValue() < 1e-5);
    }

    @Test
    void lookupByName() {
        assertSame(Heads.BASELINE, Heads.byName("baseline"));
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> Heads.byName("nope"));
        assertTrue(e.getMessage().contains("Baseline"), e.getMessage());
    }
}
