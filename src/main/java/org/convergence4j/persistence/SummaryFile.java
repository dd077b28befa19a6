package org.convergence4j.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.models.Variant;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.TrainingSample;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.MeanInterval;
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
     * @param seeds the seed of each trained model
     * @param meanWeightTestAcc with the weights replaced by their expectation p·W (the seminar's rule)
     * @param monteCarloTestAcc with the softmax averaged over {@code samples} sampled masks
     * @param samples the number of masks
     * @param monteCarloMinusMeanWeight the paired difference Monte-Carlo − mean-weight over the seeds with its 95%
     *     t interval; empty with fewer than two seeds
     */
    public record DropConnectInference(List<Long> seeds, List<Double> meanWeightTestAcc,
            List<Double> monteCarloTestAcc, int samples, Optional<MeanInterval> monteCarloMinusMeanWeight) {

        /** The paired interval computed from the two lists. */
        static DropConnectInference of(List<Long> seeds, List<Double> meanWeight, List<Double> monteCarlo, int samples) {
            double[] differences = new double[seeds.size()];
            for (int i = 0; i < differences.length; i++) {
                differences[i] = monteCarlo.get(i) - meanWeight.get(i);
            }
            return new DropConnectInference(seeds, meanWeight, monteCarlo, samples,
                    MeanInterval.of(differences, Comparison.LEVEL));
        }
    }

    /** @param seed the run measured; the other fields as {@link BatchDependence} */
    public record BatchDependenceEntry(long seed, double maxAbsChange, int changedPredictions, int examples) {
    }

    /**
     * @param seed the run recorded
     * @param iterations the sampled iterations
     * @param layers "input of l name" per layer
     * @param activationStd per sampled iteration, one std per layer
     * @param weightGradStd per sampled iteration, one std per layer ({@code NaN} without weights)
     */
    public record LayerStats(long seed, List<Integer> iterations, List<String> layers, List<List<Double>> activationStd,
            List<List<Double>> weightGradStd) {
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
        Map<String, DropConnectInference> inference = new LinkedHashMap<>();
        Map<String, BatchDependenceEntry> dependence = new LinkedHashMap<>();
        Map<String, LayerStats> layerStats = new LinkedHashMap<>();
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
            List<RunRecord> measured = own.stream().filter(r -> r.monteCarlo().isPresent()).toList();
            if (!measured.isEmpty()) {
                inference.put(v.key(), DropConnectInference.of(measured.stream().map(RunRecord::seed).toList(),
                        measured.stream().map(r -> r.history().last().testAccuracy()).toList(),
                        measured.stream().map(r -> r.monteCarlo().orElseThrow().testAccuracy()).toList(),
                        measured.get(0).monteCarlo().orElseThrow().samples()));
            }
            own.stream().filter(r -> r.batchDependence().isPresent()).findFirst().ifPresent(r -> {
                BatchDependence b = r.batchDependence().orElseThrow();
                dependence.put(v.key(), new BatchDependenceEntry(r.seed(), b.maxAbsChange(), b.changedPredictions(),
                        b.examples()));
            });
            own.stream().filter(r -> !r.layerStats().isEmpty()).findFirst()
                    .ifPresent(r -> layerStats.put(v.key(), layerStats(r, TestNetwork.layerNames(v))));
        }
        Configuration configuration = new Configuration(training.dataset(), training.epochs(), training.learningRate(),
                training.batchSize(), training.trainSubset(), ConvolutionEngine.available().name(), seeds, command);
        return new SummaryFile(training.dataset(), configuration, newestEnvironment(runs), byVariant, inference,
                dependence, layerStats);
    }

    /** The layer statistics of {@code variant}, if recorded. */
    public Optional<LayerStats> layerStatsOf(String variant) {
        return Optional.ofNullable(layerStats.get(variant));
    }

    private static List<double[]> perSeed(List<RunRecord> runs, ToDoubleFunction<EpochMetrics> metric) {
        return runs.stream().map(r -> r.history().epochs().stream().mapToDouble(metric).toArray()).toList();
    }

    /** @param names the network's layer names; sample l is the std of layer l's input */
    private static LayerStats layerStats(RunRecord run, List<String> names) {
        List<TrainingSample> samples = run.layerStats();
        int layers = samples.get(0).activationStd().size();
        return new LayerStats(run.seed(), samples.stream().map(TrainingSample::iteration).toList(),
                IntStream.range(0, layers).mapToObj(l -> "input of " + l + " "
                        + (l < names.size() ? names.get(l) : "layer")).toList(),
                samples.stream().map(TrainingSample::activationStd).toList(),
                samples.stream().map(TrainingSample::weightGradStd).toList());
    }

    /** The environment of the newest run that recorded one. */
    static Optional<RunEnvironment> newestEnvironment(List<RunRecord> runs) {
        return runs.stream().flatMap(r -> r.environment().stream())
                .max(Comparator.comparing((RunEnvironment e) -> Instant.parse(e.finished())));
    }

    /** Writes it to {@code file}, atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }
}
