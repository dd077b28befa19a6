package org.convergence4j.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.layers.LayerFingerprint;
import org.convergence4j.models.Variant;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * One run to train: a variant, a seed and the training settings. Its {@link #identity()} identifies everything
 * that can change the run's numbers apart from the seed.
 *
 * @param variant the network: a TestNetwork head, or one of Part 1's MLPs with its optimizer
 * @param seed seeds the parameter initialization, the shuffling and the Dropout/DropConnect masks
 * @param settings how it is trained
 */
public record RunSpec(Variant variant, long seed, TrainingSettings settings) {

    /**
     * The version of what a run record holds and how a run is measured; raising it retrains every stored run.
     * 2: one atomic JSON record per run, keyed by its whole configuration. 3: every run thread's native calls
     * single-threaded (OpenMP's thread count is per thread; before, run threads summed with two OpenMP threads).
     */
    public static final int FORMAT = 3;

    /**
     * SHA-256 (hex) of everything that decides this run's numbers apart from its seed: the network's full DL4J
     * configuration as JSON ({@link Variant#configuration}: every layer with all its hyper-parameters, initializers
     * and the updater, so that Adam and SGD differ; built with seed 0, since the seed is kept apart), the training
     * settings, the convolution engine this process computes with ({@link ConvolutionEngine#available()}: engines
     * round differently) and {@link #FORMAT}. Two runs are interchangeable exactly when their configurations and
     * seeds are equal.
     */
    public String configuration() {
        return configuration(variant.configuration(0, settings.learningRate()));
    }

    /**
     * The configuration hash and the fingerprints of the custom layers ({@link RunIdentity}), from one build of the
     * network's configuration.
     */
    public RunIdentity identity() {
        MultiLayerConfiguration network = variant.configuration(0, settings.learningRate());
        return new RunIdentity(configuration(network), LayerFingerprint.of(network));
    }

    /** {@link #configuration()} of this run with {@code conf}, its network's configuration at seed 0. */
    private String configuration(MultiLayerConfiguration conf) {
        String network = conf.toJson();
        String text = String.join("\n", "format " + FORMAT, "engine " + ConvolutionEngine.available().name(),
                String.format(Locale.ROOT, "dataset %s epochs %d lr %s batch %d subset %d", settings.dataset(),
                        settings.epochs(), Double.toString(settings.learningRate()), settings.batchSize(),
                        settings.trainSubset()),
                network);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code Dropout(drop=0.5) seed 3}, for the console. */
    public String label() {
        return variant.key() + " seed " + seed;
    }
}
