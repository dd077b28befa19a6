package org.convergence4j.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.convergence4j.models.Variant;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.RunRecord;

/**
 * One variant's statistics over its finished seeds. A diverged run is left out of every statistic, so that
 * "final" always means the configured last epoch; it only counts towards {@link #trainingSeconds}.
 *
 * @param variant the variant's key
 * @param description its layers in the seminar's notation
 * @param beyondSeminar whether the seminar did not have it
 * @param seedsConfigured how many seeds the study asks for
 * @param finishedSeeds the seeds whose runs trained all configured epochs
 * @param divergence the messages of the runs a non-finite loss stopped
 * @param endPoint the primary {@link EndPoint} (mean test accuracy of the last epochs); empty without finished seeds
 * @param endPointPerSeed the end-point of each finished seed, in the order of {@code finishedSeeds}
 * @param endPointInterval the 95% t interval of the mean end-point; empty with fewer than two finished seeds
 * @param finalTestAccuracy test accuracy after the last epoch; empty without finished seeds
 * @param finalTestLoss test loss after the last epoch
 * @param finalTrainAccuracy training accuracy of the last epoch
 * @param epochsToThreshold per finished seed, the first epoch e (1-based) with test accuracy ≥ the threshold;
 *     empty if the run never reached it
 * @param testAccuracyByEpoch per epoch, the test accuracy over the finished seeds
 * @param testLossByEpoch per epoch, the test loss over the finished seeds
 * @param trainingSeconds wall time of every epoch trained, finished runs or not
 * @param lateSlope the mean over finished seeds of the {@link LateSlope} with its 95% t interval, in accuracy per
 *     epoch; empty with fewer than two finished seeds or runs of fewer than 3 epochs
 */
public record VariantStatistics(String variant, String description, boolean beyondSeminar, int seedsConfigured,
        List<Long> finishedSeeds, List<String> divergence, Optional<Spread> endPoint, List<Double> endPointPerSeed,
        Optional<MeanInterval> endPointInterval,
        Optional<Spread> finalTestAccuracy,
        Optional<Spread> finalTestLoss, Optional<Spread> finalTrainAccuracy, List<OptionalInt> epochsToThreshold,
        List<Spread> testAccuracyByEpoch, List<Spread> testLossByEpoch, double trainingSeconds,
        Optional<MeanInterval> lateSlope) {

    /**
     * The statistics of {@code runs}, the stored runs of {@code variant}.
     *
     * @param seedsConfigured seeds the study asks for
     * @param threshold the test accuracy whose first epoch is reported, e.g. 0.98
     */
    public static VariantStatistics of(Variant variant, List<RunRecord> runs, int seedsConfigured, double threshold) {
        List<RunRecord> finished = runs.stream().filter(RunRecord::complete)
                .sorted(Comparator.comparingLong(RunRecord::seed)).toList();
        List<Double> endPoints = finished.stream().map(r -> EndPoint.testAccuracy(r.history())).toList();
        List<OptionalInt> reached = finished.stream().map(r -> firstEpochAtLeast(r, threshold)).toList();
        double seconds = runs.stream().flatMap(r -> r.history().epochs().stream()).mapToDouble(EpochMetrics::seconds)
                .sum();
        List<String> diverged = runs.stream().sorted(Comparator.comparingLong(RunRecord::seed))
                .flatMap(r -> r.divergence().stream()).toList();
        return new VariantStatistics(variant.key(), variant.description(), variant.kind().beyondSeminar(),
                seedsConfigured, finished.stream().map(RunRecord::seed).toList(), diverged,
                finished.isEmpty() ? Optional.empty() : Optional.of(Spread.of(endPoints.stream()
                        .mapToDouble(Double::doubleValue).toArray())), endPoints,
                MeanInterval.of(endPoints.stream().mapToDouble(Double::doubleValue).toArray(), Comparison.LEVEL),
                atLastEpoch(finished, EpochMetrics::testAccuracy), atLastEpoch(finished, EpochMetrics::testLoss),
                atLastEpoch(finished, EpochMetrics::trainAccuracy), reached,
                byEpoch(finished, EpochMetrics::testAccuracy), byEpoch(finished, EpochMetrics::testLoss), seconds,
                MeanInterval.of(finished.stream().flatMap(r -> LateSlope.of(r.history()).stream())
                        .mapToDouble(Double::doubleValue).toArray(), Comparison.LEVEL));
    }

    /**
     * The mean over finished seeds of the first epoch at the threshold; empty if a seed never reached it (its epoch
     * is "never", and so is the mean) or no seed has finished.
     */
    public OptionalDouble meanEpochToThreshold() {
        if (epochsToThreshold.isEmpty() || epochsToThreshold.stream().anyMatch(OptionalInt::isEmpty)) {
            return OptionalDouble.empty();
        }
        return epochsToThreshold.stream().mapToInt(OptionalInt::getAsInt).average();
    }

    /** Whether every configured seed has finished. */
    public boolean complete() {
        return finishedSeeds.size() >= seedsConfigured;
    }

    private static OptionalInt firstEpochAtLeast(RunRecord run, double threshold) {
        List<EpochMetrics> epochs = run.history().epochs();
        return IntStream.range(0, epochs.size()).filter(e -> epochs.get(e).testAccuracy() >= threshold)
                .map(e -> e + 1).findFirst();
    }

    private static Optional<Spread> atLastEpoch(List<RunRecord> runs, ToDoubleFunction<EpochMetrics> metric) {
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Spread.of(runs.stream().mapToDouble(r -> metric.applyAsDouble(r.history().last())).toArray()));
    }

    /** Over the epochs that every finished run has. */
    private static List<Spread> byEpoch(List<RunRecord> runs, ToDoubleFunction<EpochMetrics> metric) {
        int epochs = runs.stream().mapToInt(r -> r.history().epochs().size()).min().orElse(0);
        return IntStream.range(0, epochs).mapToObj(e -> Spread.of(runs.stream()
                .mapToDouble(r -> metric.applyAsDouble(r.history().epochs().get(e))).toArray())).toList();
    }
}
