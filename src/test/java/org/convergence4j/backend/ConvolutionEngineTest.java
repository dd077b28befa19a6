package org.convergence4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.convergence4j.models.TestNetwork;
import org.convergence4j.models.TestNetworkTest;
import org.convergence4j.models.Variants;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConvolutionEngineTest {

    /**
     * Both engines compute the same sums in different orders. In float32 (unit roundoff u = 6·10⁻⁸) the largest
     * sums here, a convolution's weight gradient over 16 × 28 × 28 ≈ 1.3·10⁴ positions, then differ by about
     * √n·u ≈ 7·10⁻⁶ of their magnitude; 10⁻³ of the largest gradient entry leaves a wide margin and is still far
     * below what a real difference (wrong padding, a gradient counted twice) changes: O(1).
     */
    private static final double RELATIVE_TOLERANCE = 1e-3;

    @Test
    void oneDnnComputesTheSameGradientAsDl4jsOwnConvolutions() {
        assumeTrue(ConvolutionEngine.available() == ConvolutionEngine.ONEDNN,
                "the loaded ND4J native build has no oneDNN (CPU without AVX2, or the plain build was chosen)");
        MultiLayerNetwork builtIn = TestNetwork.build(Variants.BASELINE.defaults(), 3, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        ConvolutionEngine.BUILT_IN.install(builtIn);
        MultiLayerNetwork oneDnn = TestNetwork.build(Variants.BASELINE.defaults(), 3, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        ConvolutionEngine.ONEDNN.install(oneDnn);

        INDArray expected = TestNetworkTest.gradient(builtIn);
        double expectedScore = builtIn.score();
        INDArray actual = TestNetworkTest.gradient(oneDnn);

        double scale = expected.amaxNumber().doubleValue();
        assertTrue(scale > 0);
        double maxDifference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(maxDifference <= RELATIVE_TOLERANCE * scale,
                "largest gradient difference " + maxDifference + " vs largest entry " + scale);
        assertEquals(expectedScore, oneDnn.score(), RELATIVE_TOLERANCE * expectedScore);
    }

    /**
     * The documented price of skipping the first convolution's input gradient: with {@link ConvolutionEngine#ONEDNN}
     * the network's gradient with respect to its input is all zeros; {@link ConvolutionEngine#BUILT_IN} computes it.
     */
    @Test
    void oneDnnLeavesTheInputGradientAtZero() {
        assumeTrue(ConvolutionEngine.available() == ConvolutionEngine.ONEDNN,
                "the loaded ND4J native build has no oneDNN (CPU without AVX2, or the plain build was chosen)");
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, TestNetwork.SIDE * TestNetwork.SIDE);
        INDArray labels = Nd4j.eye(TestNetwork.CLASSES).castTo(DataType.FLOAT).getRows(0, 1, 2, 3);
        MultiLayerNetwork net = TestNetwork.build(Variants.BASELINE.defaults(), 3, 1e-3, TestNetwork.PYTORCH_DEFAULT);

        INDArray skipped = net.calculateGradients(x, labels, null, null).getSecond();
        ConvolutionEngine.BUILT_IN.install(net);
        INDArray computed = net.calculateGradients(x, labels, null, null).getSecond();

        assertEquals(0.0, skipped.amaxNumber().doubleValue());
        assertTrue(computed.amaxNumber().doubleValue() > 0);
    }
}
