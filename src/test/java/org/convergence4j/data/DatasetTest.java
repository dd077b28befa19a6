package org.convergence4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class DatasetTest {

    @Test
    void namesRoundTrip() {
        for (Dataset d : Dataset.values()) {
            assertEquals(d, Dataset.of(d.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.of("cifar"));
        assertTrue(e.getMessage().contains("mnist, fashion-mnist"), e.getMessage());
    }

    @Test
    void missingFashionMnistSaysWhichPackageToInstall(@TempDir Path empty) {
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> Dataset.FASHION_MNIST.load(empty, Map.of(), () -> false));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    /**
     * Debian's gzip files read like MNIST's, and normalizing with Fashion-MNIST's own statistics
     * (0.2860, 0.3530, rounded to 4 decimals) gives mean ≈ 0 and std ≈ 1 within the rounding
     * (5e-5 / 0.3530 ≈ 1.4e-4) and float32 storage, as for MNIST.
     */
    @Test
    void fashionMnistFromDebianReadsAndNormalizes() throws IOException {
        Path dir = Dataset.FASHION_MNIST.defaultDir(Map.of());
        assumeTrue(MnistFiles.allPresentIn(dir),
                "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist");

        Mnist fashion = Dataset.FASHION_MNIST.load(null, Map.of(), () -> false);

        assertEquals(60_000, fashion.train().size());
        assertEquals(10_000, fashion.test().size());
        INDArray x = fashion.train().features().castTo(DataType.DOUBLE);
        assertEquals(0, x.meanNumber().doubleValue(), 3e-4);
        assertEquals(1, x.stdNumber().doubleValue(), 3e-4);
    }
}
