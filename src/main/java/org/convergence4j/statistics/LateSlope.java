package org.convergence4j.statistics;

import java.util.List;
import java.util.Optional;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingHistory;

/**
 * How much a run's test accuracy still rises at the end: the least-squares slope of the test accuracy against the
 * epoch over its last {@value #EPOCHS} epochs (epochs 11–20 of the seminar's 20),
 * <pre>
 *   b = Σ (e − ē)(acc(e) − mean acc) / Σ (e − ē)²,
 * </pre>
 * in accuracy per epoch. It tests the premise of the {@link EndPoint}: a variant whose slope is above 0 by a
 * resolved interval was still gaining when training stopped, so its end-point understates where it would settle.
 * Ten epochs rather than the end-point's five: the slope of five noisy points (±0.2 pp each) is too loose to tell
 * 0.04 pp per epoch from 0.
 */
public final class LateSlope {

    /** The epochs fitted, counted back from the last. */
    public static final int EPOCHS = 10;

    private LateSlope() {
    }

    /** The slope over the last min({@value #EPOCHS}, E) epochs; empty with fewer than 3 epochs. */
    public static Optional<Double> of(TrainingHistory history) {
        List<EpochMetrics> epochs = history.epochs();
        int k = Math.min(EPOCHS, epochs.size());
        if (k < 3) {
            return Optional.empty();
        }
        List<EpochMetrics> last = epochs.subList(epochs.size() - k, epochs.size());
        double meanEpoch = last.stream().mapToDouble(EpochMetrics::epoch).average().orElseThrow();
        double meanAccuracy = last.stream().mapToDouble(EpochMetrics::testAccuracy).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (EpochMetrics m : last) {
            covariance += (m.epoch() - meanEpoch) * (m.testAccuracy() - meanAccuracy);
            variance += (m.epoch() - meanEpoch) * (m.epoch() - meanEpoch);
        }
        return Optional.of(covariance / variance);
    }

    /** The epochs fitted for runs of {@code epochs} epochs, e.g. "epochs 11–20". */
    public static String epochs(int epochs) {
        int k = Math.min(EPOCHS, epochs);
        return k == epochs ? "all " + epochs + " epochs" : "epochs " + (epochs - k + 1) + "–" + epochs;
    }
}
