package org.convergence4j.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence4j.models.Variant;
import org.convergence4j.train.EpochMetrics;

/**
 * The train − test gap of a variant per epoch relative to a reference's (the Baseline's), paired by seed: at epoch
 * e and seed k,
 * <pre>
 *   dₖ(e) = 100·[(acc_test − acc_train)_variant − (acc_test − acc_train)_reference]   (pp)
 * </pre>
 * with the recorded training accuracy (the running mean over the epoch's batches in training mode), so what the
 * reference shares with the variant (that running mean lags the weights) cancels, and what the variant's masks add
 * remains; per epoch the 95% t interval of the mean of dₖ(e).
 */
public final class RelativeGap {

    private RelativeGap() {
    }

    /**
     * The intervals per epoch, epoch 1 first, of {@code variant} against {@code reference} over the finished runs of
     * {@code runs}; an epoch with fewer than two paired seeds has none (and ends the list).
     */
    public static List<MeanInterval> of(StudyRuns runs, Variant variant, Variant reference, double level) {
        List<MeanInterval> byEpoch = new ArrayList<>();
        for (int e = 0; e < runs.settings().epochs(); e++) {
            int epoch = e;
            Map<Long, Double> a = runs.bySeed(variant, r -> gap(r.history().epochs().get(epoch)));
            Map<Long, Double> b = runs.bySeed(reference, r -> gap(r.history().epochs().get(epoch)));
            Optional<MeanInterval> interval = PairedSample.of(a, b).interval(level);
            if (interval.isEmpty()) {
                break;
            }
            byEpoch.add(interval.get());
        }
        return byEpoch;
    }

    private static double gap(EpochMetrics m) {
        return 100 * (m.testAccuracy() - m.trainAccuracy());
    }
}
