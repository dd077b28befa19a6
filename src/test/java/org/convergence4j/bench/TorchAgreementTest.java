package org.convergence4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Random;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.models.TestNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The PyTorch reference and DL4J implement the same function: for one input batch and identical parameters
 * (exported from the DL4J network), the two log-probabilities agree. This pins down the layouts (dense weights
 * transposed, convolution weights as they are, the 4×7×7 trunk output flattened channel-major in both) and the
 * head's math (per-example LayerNorm, ε = 1e-5, biased variance).
 */
class TorchAgreementTest {

    /**
     * Both sides compute in float32 (unit round-off u ≈ 6e-8); the longest sums have 196 terms of magnitude ≲ 10,
     * so their rounding differences are bounded by about 196 · u · 10 ≈ 1e-4, the tolerance.
     */
    private static final double TOLERANCE = 1e-4;
    private static final int BATCH = 16;

    private static final PytorchReference REFERENCE = PytorchReference.locate(Path.of("").toAbsolutePath(),
            System.getenv());

    /** Checked once (importing torch takes a second or two); each test is skipped with it. */
    private static final String UNAVAILABLE = REFERENCE.unavailableReason().orElse(null);

    @TempDir
    Path dir;

    @BeforeEach
    void pytorchInstalled() {
        assumeTrue(UNAVAILABLE == null, () -> "PyTorch reference not runnable, agreement not checked: " + UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Baseline", "LayerNorm"})
    void logProbabilitiesAgreeWithPytorch(String variant) throws Exception {
        Variant head = Variant.of(variant);
        MultiLayerNetwork net = TestNetwork.build(head, 7, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        Random random = new Random(11);
        // Move every parameter off its initial value: zero biases and unit gains would hide a swapped or dropped one.
        net.setParams(net.params().add(gaussian(random, 0.1, 1, net.numParams())));
        INDArray input = gaussian(random, 1, BATCH, TestNetwork.SIDE * TestNetwork.SIDE);

        TorchExport.write(net, head.key(), input, dir);
        float[] pytorch = REFERENCE.logProbabilities(dir, 120);
        float[] dl4j = Transforms.log(net.output(input, false), false).dup('c').data().asFloat();

        assertEquals(BATCH * TestNetwork.CLASSES, pytorch.length);
        assertArrayEquals(dl4j, pytorch, (float) TOLERANCE);
    }

    private static INDArray gaussian(Random random, double sd, long rows, long columns) {
        float[] values = new float[Math.toIntExact(rows * columns)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (sd * random.nextGaussian());
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.FLOAT);
    }
}
