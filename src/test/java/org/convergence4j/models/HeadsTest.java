package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class HeadsTest {

    private static final long HIDDEN = TestNetwork.HIDDEN;

    /** Weights plus biases of a layer with {@code in} inputs and {@code out} outputs. */
    private static long affine(long in, long out) {
        return in * out + out;
    }

    /** Trunk and the three linear (or DropConnect) layers every head has. */
    private static final long COMMON = affine(1 * 3 * 3, 2) + affine(2 * 3 * 3, 4)
            + affine(TestNetwork.FEATURES, HIDDEN) + affine(HIDDEN, HIDDEN) + affine(HIDDEN, TestNetwork.CLASSES);

    /**
     * Parameters beyond {@link #COMMON}, per normalization layer × 2 hidden layers: BatchNorm has
     * γ, β and (stored by DL4J in the parameter vector) the running mean and variance; LayerNorm g
     * and β; RMSNorm g.
     */
    private static final Map<String, Long> EXTRA = Map.of("Baseline", 0L, "Dropout", 0L, "DropConnect", 0L,
            "BatchNorm", 2 * 4 * HIDDEN, "LayerNorm", 2 * 2 * HIDDEN, "RMSNorm", 2 * HIDDEN);

    static List<Head> heads() {
        return Heads.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heads")
    void parameterCountMatchesItsLayers(Head head) {
        MultiLayerNetwork net = TestNetwork.build(head, 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        assertEquals(COMMON + EXTRA.get(head.name()), net.numParams());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heads")
    void buildsAndTrainsOneStep(Head head) {
        MultiLayerNetwork net = TestNetwork.build(head, 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
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

    @Test
    void everyVariantBelongsToPartTwoOrThree() {
        assertEquals(List.of("Baseline", "Dropout", "DropConnect"), Heads.ofPart(2).stream().map(Head::name).toList());
        assertEquals(List.of("BatchNorm", "LayerNorm", "RMSNorm"), Heads.ofPart(3).stream().map(Head::name).toList());
        assertEquals(Heads.all().size(), Heads.ofPart(2).size() + Heads.ofPart(3).size());
    }

    @Test
    void lookupByName() {
        assertSame(Heads.BASELINE, Heads.byName("baseline"));
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> Heads.byName("nope"));
        assertTrue(e.getMessage().contains("Baseline"), e.getMessage());
    }
}
