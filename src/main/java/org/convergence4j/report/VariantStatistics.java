package org.convergence4j.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.convergence4j.report.RunSummary.VariantRuns;

/**
 * One variant's statistics over its finished seeds. A run still in progress (fewer epochs than
 * configured) is left out of every statistic, so that "final" always means the configured last
 * epoch; it only counts towards {@link #trainingSeconds}.
 *
 * @param name the variant
 * @param description its layers in the seminar's notation
 * @param beyondSeminar whether the seminar did not have it
 * @param seedsConfigured how many seeds the configuration asks for
 * @param finishedSeeds the seeds whose runs trained all configured epochs
 * @param finalTestAccuracy test accuracy after the last epoch; empty without finished seeds
 * @param finalTestLoss test loss after the last epoch
 * @param finalTrainAccuracy training accuracy of the last epoch
 * @param epochsToThreshold per finished seed, the first epoch e (1-based) with test accuracy ≥ the
 *     threshold; empty if the run never reached it
 * @param testAccuracyByEpoch per epoch, the test accuracy over the finished seeds
 * @param testLossByEpoch per epoch, the test loss over the finished seeds
 * @param trainingSeconds wall time of every epoch trained so far, finished runs or not
 */
public record VariantStatistics(String name, String description, boolean beyondSeminar, int seedsConfigured,
        List<Long> finishedSeeds, Optional<Spread> finalTestAccuracy, Optional<Spread> finalTestLoss,
        Optional<Spread> finalTrainAccuracy, List<OptionalInt> epochsToThreshold, List<Spread> testAccuracyByEpoch,
        List<Spread> testLossByEpoch, double trainingSeconds) {

    /**
     * The statistics of {@code runs}.
     *
     * @param seedsConfigured seeds the configuration asks for
     * @param threshold the test accuracy whose first epoch is reported, e.g. 0.98
     */
    public static VariantStatistics of(VariantRuns runs, int seedsConfigured, double threshold) {
        List<Integer> finished = runs.finished().stream()
                .filter(i -> !runs.testAccuracy().get(i).isEmpty()).toList();
        List<OptionalInt> reached = finished.stream().map(i -> firstEpochAtLeast(runs.testAccuracy().get(i), threshold))
                .toList();
        double seconds = runs.seconds().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sum();
        return new VariantStatistics(runs.name(), runs.description(), runs.beyondSeminar(), seedsConfigured,
                finished.stream().map(runs.seeds()::get).toList(),
                atLastEpoch(finished, runs.testAccuracy()), atLastEpoch(finished, runs.testLoss()),
                atLastEpoch(finished, runs.trainAccuracy()), reached,
                byEpoch(finished, runs.testAccuracy()), byEpoch(finished, runs.testLoss()), seconds);
    }

    /**
     * The mean over finished seeds of the first epoch at the threshold; empty if a seed never
     * reached it (its epoch is "never", and so is the mean) or no seed has finished.
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

    private static OptionalInt firstEpochAtLeast(List<Double> accuracy, double threshold) {
        return IntStream.range(0, accuracy.size()).filter(e -> accuracy.get(e) >= threshold).map(e -> e + 1)
                .findFirst();
    }

    private static Optional<Spread> atLastEpoch(List<Integer> runs, List<List<Double>> values) {
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Spread.of(runs.stream().map(values::get).mapToDouble(run -> run.get(run.size() - 1))
                .toArray()));
    }

    /** Over the epochs that every finished run has. */
    private static List<Spread> byEpoch(List<Integer> runs, List<List<Double>> values) {
        int epochs = runs.stream().mapToInt(i -> values.get(i).size()).min().orElse(0);
        return IntStream.range(0, epochs)
                .mapToObj(e -> Spread.of(runs.stream().mapToDouble(i -> values.get(i).get(e)).toArray())).toList();
    }
}
