package org.convergence4j.persistence;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.models.Variant;
import org.convergence4j.statistics.Analyses;
import org.convergence4j.statistics.Analyses.BatchDependenceEntry;
import org.convergence4j.statistics.Analyses.DropConnectInference;
import org.convergence4j.statistics.Analyses.LayerStats;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.RunEnvironment;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingSettings;

/**
 * {@code summary.json} of a results folder, computed from run records: every run's per-epoch metrics keyed by
 * variant with arrays indexed [seed][epoch], the analyses (Monte-Carlo DropConnect inference, batch dependence,
 * per-layer statistics during training), the configuration with the command that produced it, and the
 * environment. Accuracies are fractions in [0, 1], losses nats per example, times seconds. It is written for
 * other tools; this project computes its statistics from the records themselves.
 *
 * @param dataset the dataset every run trained on
 * @param configuration the settings every run shares
 * @param environment where and when the newest of the runs was trained; empty when no run recorded it (runs
 *     stored before records named their environment), so that rewriting the summary changes nothing in it
 * @param variants per variant key, its runs
 * @param dropconnectInference per variant measured, the two inference rules' test accuracy
 * @param batchDependence per variant measured, how its training-mode outputs depend on the batch
 * @param layerStats per variant recorded, the per-layer std sampled during training
 */
public record SummaryFile(String dataset, Configuration configuration, Optional<RunEnvironment> environment,
        Map<String, VariantRuns> variants, Map<String, DropConnectInference> dropconnectInference,
        Map<String, BatchDependenceEntry> batchDependence, Map<String, LayerStats> layerStats) {

    /**
     * @param dataset as in every run's settings
     * @param epochs epochs per run
     * @param lr Adam's learning rate
     * @param batch mini-batch size
     * @param trainSubset 0 for the whole training set, else the first n examples
     * @param engine what computed the convolutions
     * @param seeds the seeds the studies ask for
     * @param command the command that wrote this folder
     */
    public record Configuration(String dataset, int epochs, double lr, int batch, int trainSubset, String engine,
            List<Long> seeds, String command) {
    }

    /**
     * @param description the layers in the seminar's notation
     * @param beyondSeminar whether the seminar did not have it
     * @param seeds the seed of each run, ascending
     * @param testAcc per run and epoch
     * @param testLoss per run and epoch
     * @param trainAcc per run and epoch
     * @param trainLoss per run and epoch
     * @param seconds per run and epoch
     * @param complete per run, whether it trained all epochs
     * @param divergence the messages of diverged runs
     */
    public record VariantRuns(String description, boolean beyondSeminar, List<Long> seeds, List<double[]> testAcc,
            List<double[]> testLoss, List<double[]> trainAcc, List<double[]> trainLoss, List<double[]> seconds,
            List<Boolean> complete, List<String> divergence) {
    }

    /**
     * The summary of {@code runs} of {@code variants} (in that order; runs of other variants are left out).
     *
     * @param training the settings the runs share
     * @param seeds the seeds the studies ask for
     * @param command the command that wrote the folder
     */
    public static SummaryFile of(List<Variant> variants, List<RunRecord> runs, TrainingSettings training,
            List<Long> seeds, String command) {
        Map<String, VariantRuns> byVariant = new LinkedHashMap<>();
        for (Variant v : variants) {
            List<RunRecord> own = runs.stream().filter(r -> r.variant().equals(v))
                    .sorted(Comparator.comparingLong(RunRecord::seed)).toList();
            if (own.isEmpty()) {
                continue;
            }
            byVariant.put(v.key(), new VariantRuns(v.description(), v.kind().beyondSeminar(),
                    own.stream().map(RunRecord::seed).toList(), perSeed(own, EpochMetrics::testAccuracy),
                    perSeed(own, EpochMetrics::testLoss), perSeed(own, EpochMetrics::trainAccuracy),
                    perSeed(own, EpochMetrics::trainLoss), perSeed(own, EpochMetrics::seconds),
                    own.stream().map(RunRecord::complete).toList(),
                    own.stream().flatMap(r -> r.divergence().stream()).toList()));
        }
        Configuration configuration = new Configuration(training.dataset(), training.epochs(), training.learningRate(),
                training.batchSize(), training.trainSubset(), ConvolutionEngine.available().name(), seeds, command);
        Analyses analyses = Analyses.of(variants, runs);
        return new SummaryFile(training.dataset(), configuration, analyses.environment(), byVariant,
                analyses.dropconnectInference(), analyses.batchDependence(), analyses.layerStats());
    }

    private static List<double[]> perSeed(List<RunRecord> runs, ToDoubleFunction<EpochMetrics> metric) {
        return runs.stream().map(r -> r.history().epochs().stream().mapToDouble(metric).toArray()).toList();
    }

    /** Writes it to {@code file}, atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }
}
