package org.convergence4j.study;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.convergence4j.models.VariantKind;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.RunEnvironment;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.TrainingSettings;

/**
 * How long the runs about to be trained should take, said before training starts: for each run, the mean stored
 * seconds per epoch of its kind at the same per-epoch work (dataset, batch size, training subset) times its epochs,
 * summed and divided by the runs trained at once. Epoch times of runs trained on this CPU are used when there are
 * any, else those of any machine (said so); a kind never timed takes the mean of the kinds that were. The stored
 * times were measured with as many runs at once as their command had, so the estimate is rough; the per-run ETA
 * after each epoch follows the real pace.
 */
final class TrainingEstimate {

    private TrainingEstimate() {
    }

    /**
     * The sentence, e.g. "about 18 min at the epoch times stored for GroupNorm, LayerNorm on this CPU", or one
     * saying that nothing is timed yet.
     *
     * @param toTrain the runs to train
     * @param stored every stored run this command can see (its own folder's and the shared ones)
     * @param atOnce runs trained at the same time
     * @param cpu this machine's CPU model ({@link RunEnvironment#cpu()})
     */
    static String of(List<RunSpec> toTrain, List<RunRecord> stored, int atOnce, String cpu) {
        List<RunRecord> here = stored.stream().filter(r -> r.environment().map(RunEnvironment::cpu)
                .filter(cpu::equals).isPresent()).toList();
        boolean thisCpu = toTrain.stream().anyMatch(s -> secondsPerEpoch(s, here).isPresent());
        List<RunRecord> timed = thisCpu ? here : stored;
        OptionalDouble meanPerEpoch = toTrain.stream().map(s -> secondsPerEpoch(s, timed))
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
        if (meanPerEpoch.isEmpty()) {
            return "no epoch of these kinds at these settings is stored yet to estimate the time from; each run's ETA "
                    + "follows its first epoch";
        }
        double total = toTrain.stream().mapToDouble(s -> secondsPerEpoch(s, timed).orElse(meanPerEpoch.getAsDouble())
                * s.settings().epochs()).sum();
        List<String> kinds = toTrain.stream().map(s -> s.variant().kind().name()).distinct().toList();
        List<String> untimed = toTrain.stream().filter(s -> secondsPerEpoch(s, timed).isEmpty())
                .map(s -> s.variant().kind().name()).distinct().toList();
        return "about " + duration(total / Math.max(1, Math.min(atOnce, toTrain.size()))) + " at the epoch times stored for "
                + kinds.stream().filter(k -> !untimed.contains(k)).collect(Collectors.joining(", "))
                + (thisCpu ? " on this CPU" : " on other machines")
                + (untimed.isEmpty() ? "" : "; " + String.join(", ", untimed) + " timed as their mean");
    }

    /** The mean seconds per epoch of the stored runs of {@code spec}'s kind at the same per-epoch work. */
    private static OptionalDouble secondsPerEpoch(RunSpec spec, List<RunRecord> stored) {
        VariantKind kind = spec.variant().kind();
        return stored.stream().filter(r -> r.variant().kind().equals(kind) && sameEpoch(r.settings(), spec.settings()))
                .flatMap(r -> r.history().epochs().stream()).mapToDouble(EpochMetrics::seconds).average();
    }

    private static boolean sameEpoch(TrainingSettings a, TrainingSettings b) {
        return Objects.equals(a.dataset(), b.dataset()) && a.batchSize() == b.batchSize()
                && a.trainSubset() == b.trainSubset();
    }

    /** {@code 18 min}, {@code 3 h 20 min}, {@code 40 s}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long minutes = Math.round(seconds / 60);
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %d min", minutes / 60, minutes % 60);
    }
}
