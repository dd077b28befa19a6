package org.convergence4j.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The MNIST training (60 000) and test (10 000) sets, in memory and normalized.
 *
 * @param train the training set
 * @param test the test set
 */
public record Mnist(ImageDataset train, ImageDataset test) {

    /**
     * Loads MNIST from {@code dataDir}, provisioning the files first if any is missing.
     *
     * @throws IOException naming the file and problem if provisioning or reading fails
     */
    public static Mnist load(Path dataDir, MnistProvisioner provisioner) throws IOException {
        provisioner.ensure(dataDir);
        return read(dataDir);
    }

    /** Reads the four files already present in {@code dataDir} (plain or {@code .gz}), MNIST's normalization. */
    public static Mnist read(Path dataDir) throws IOException {
        return read(dataDir, ImageDataset.MEAN, ImageDataset.STD);
    }

    /**
     * Reads the four MNIST-format files in {@code dataDir}, normalizing x = (pixel/255 − mean)/std.
     */
    public static Mnist read(Path dataDir, double mean, double std) throws IOException {
        return new Mnist(
                ImageDataset.read(locate(dataDir, MnistFiles.TRAIN_IMAGES), locate(dataDir, MnistFiles.TRAIN_LABELS),
                        mean, std),
                ImageDataset.read(locate(dataDir, MnistFiles.TEST_IMAGES), locate(dataDir, MnistFiles.TEST_LABELS),
                        mean, std));
    }

    private static Path locate(Path dir, MnistFiles file) {
        // A missing file falls through to IdxReader, whose error names the expected path.
        return file.locateIn(dir).orElse(dir.resolve(file.fileName()));
    }
}
