package org.convergence4j.claims;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.convergence4j.statistics.EndPoint;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingHistory;

/**
 * What a reading measures on one run, f(run), with accuracies in percentage points and losses in nats. A run that
 * lacks what a measure needs (a record stored before it was recorded) gives NaN, and its seed is left out.
 */
public final class RunMeasures {

    /** The end-point, 100·(1/K) Σ over the last K epochs of acc_test(e) ({@link EndPoint}). */
    public static final ToDoubleFunction<RunRecord> END_POINT = r -> 100 * EndPoint.testAccuracy(r.history());

    /** The mean test accuracy over the whole curve, 100·(1/E) Σₑ acc_test(e): the area under it per epoch. */
    public static final ToDoubleFunction<RunRecord> CURVE_MEAN = r -> 100 * r.history().epochs().stream()
            .mapToDouble(EpochMetrics::testAccuracy).average().orElseThrow();

    /** The test NLL over the end-point's epochs, (1/K) Σ over the last K epochs of L_test(e), in nats. */
    public static final ToDoubleFunction<RunRecord> END_POINT_NLL = r -> EndPoint.of(r.history(), EpochMetrics::testLoss);

    /**
     * The masks-on gap over the end-point's epochs: end-point − 100·(1/K) Σ acc_train(e), where acc_train is the
     * running mean over an epoch's batches in training mode (Dropout's and DropConnect's masks on).
     */
    public static final ToDoubleFunction<RunRecord> MASKS_ON_GAP = r -> END_POINT.applyAsDouble(r)
            - 100 * EndPoint.of(r.history(), EpochMetrics::trainAccuracy);

    /**
     * The inference-mode gap of the final network: 100·(acc_test(E) − acc_train), acc_train its accuracy on the
     * whole training set in inference mode (no masks; BatchNorm with its running statistics); NaN when not measured.
     */
    public static final ToDoubleFunction<RunRecord> INFERENCE_GAP = r -> r.trainingSetAccuracy()
            .map(train -> 100 * (r.history().last().testAccuracy() - train)).orElse(Double.NaN);

    /** The training loss of the last epoch (the mean over its batches), in nats. */
    public static final ToDoubleFunction<RunRecord> FINAL_TRAIN_LOSS = r -> r.history().last().trainLoss();

    /** The test accuracy after the last epoch, 100·acc_test(E). */
    public static final ToDoubleFunction<RunRecord> FINAL_TEST_ACCURACY = r -> 100 * r.history().last().testAccuracy();

    private RunMeasures() {
    }

    /**
     * The epochs a run needs to come within {@code points} pp of its own end-point y: the first epoch e (1-based)
     * with 100·acc_test(e) ≥ y − points. Every run has one: y is a mean of its last epochs, so one of them is ≥ y.
     */
    public static ToDoubleFunction<RunRecord> epochsToWithin(double points) {
        return r -> epochsToWithin(r.history(), points);
    }

    static double epochsToWithin(TrainingHistory h, double points) {
        double target = 100 * EndPoint.testAccuracy(h) - points;
        List<EpochMetrics> epochs = h.epochs();
        for (int e = 0; e < epochs.size(); e++) {
            if (100 * epochs.get(e).testAccuracy() >= target) {
                return e + 1;
            }
        }
        throw new IllegalStateException("an epoch at or above the mean of the last epochs always exists");
    }
}
