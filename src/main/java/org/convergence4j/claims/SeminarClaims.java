package org.convergence4j.claims;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.EndPoint;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingHistory;

/**
 * The conclusions the seminar's notebook draws in Parts 2–4 (its sections 2.3 and 3.3), each as a {@link Claim}
 * on the seminar's own variants. Accuracies are in percentage points; "the end-point" is {@link EndPoint}.
 */
public final class SeminarClaims {

    /**
     * How much test accuracy may still be gained after epoch 2 for a model to "reach its plateau after 1–2
     * epochs": 0.3 pp, twice the equivalence margin and about the epoch-to-epoch jitter of one run.
     */
    public static final double PLATEAU_POINTS = 0.3;

    private static final Variant BASELINE = Variants.BASELINE.defaults();
    private static final Variant DROPOUT = Variants.DROPOUT.defaults();
    private static final Variant DROPCONNECT = Variants.DROPCONNECT.defaults();
    private static final Variant BATCHNORM = Variants.BATCHNORM.defaults();
    private static final Variant LAYERNORM = Variants.LAYERNORM.defaults();

    /** The end-point in pp. */
    private static final ToDoubleFunction<TrainingHistory> END_POINT = h -> 100 * EndPoint.testAccuracy(h);
    /** The training accuracy over the end-point's epochs, in pp. */
    private static final ToDoubleFunction<TrainingHistory> TRAIN_END_POINT =
            h -> 100 * EndPoint.of(h, EpochMetrics::trainAccuracy);
    /** Epochs a run needs for "after epoch 2" to mean something: the second, and at least one after it. */
    private static final int AFTER_EPOCH_TWO = 3;

    /** The test accuracy after epoch 2 (the last epoch of a shorter run), in pp. */
    private static final ToDoubleFunction<TrainingHistory> AFTER_TWO_EPOCHS =
            h -> 100 * h.epochs().get(Math.min(2, h.epochs().size()) - 1).testAccuracy();

    /** Section 2.3: Dropout beats DropConnect, and the regularized models train worse than they test. */
    public static final List<Claim> PART2 = List.of(
            better("2.3", DROPOUT, DROPCONNECT),
            trainsWorseThanItTests(DROPOUT),
            trainsWorseThanItTests(DROPCONNECT));

    /** The test accuracy still gained after epoch 2: the end-point minus the accuracy after epoch 2, in pp. */
    private static final ToDoubleFunction<TrainingHistory> GAIN_AFTER_TWO_EPOCHS =
            h -> END_POINT.applyAsDouble(h) - AFTER_TWO_EPOCHS.applyAsDouble(h);

    /** Section 3.3: BatchNorm and LayerNorm differ little, BatchNorm slightly better; both plateau early. */
    public static final List<Claim> PART3 = List.of(
            new Claim("3.3", Claim.FIRST + " and " + Claim.SECOND + " differ little",
                    "paired difference of the end-point, " + Claim.FIRST + " − " + Claim.SECOND, "pp",
                    Hypothesis.within(100 * Comparison.MARGIN), BATCHNORM, END_POINT, LAYERNORM, END_POINT, 1),
            better("3.3", BATCHNORM, LAYERNORM),
            plateau(BATCHNORM),
            plateau(LAYERNORM));

    /**
     * Part 4's conclusions, under the comparison figure: the normalized models plateau early, which the notebook
     * says in contrast to the others, so each is compared with the Baseline; and DropConnect does worse than the
     * Baseline.
     */
    public static final List<Claim> PART4 = List.of(
            fasterThanBaseline(BATCHNORM),
            fasterThanBaseline(LAYERNORM),
            new Claim("4", Claim.FIRST + " is worse than the " + Claim.SECOND,
                    "paired difference of the end-point, " + Claim.FIRST + " − " + Claim.SECOND, "pp",
                    Hypothesis.below(0), DROPCONNECT, END_POINT, BASELINE, END_POINT, 1));

    /** Every claim of Parts 2–4 in the notebook's order. */
    public static final List<Claim> ALL = Stream.of(PART2, PART3, PART4).flatMap(List::stream).toList();

    private SeminarClaims() {
    }

    private static Claim better(String section, Variant winner, Variant loser) {
        return new Claim(section, Claim.FIRST + " is better than " + Claim.SECOND,
                "paired difference of the end-point, " + Claim.FIRST + " − " + Claim.SECOND, "pp", Hypothesis.above(0),
                winner, END_POINT, loser, END_POINT, 1);
    }

    private static Claim trainsWorseThanItTests(Variant v) {
        return new Claim("2.3", Claim.FIRST + " trains worse than it tests",
                "test − training accuracy over the end-point's epochs (training accuracy with the masks on)", "pp",
                Hypothesis.above(0), v, END_POINT, v, TRAIN_END_POINT, 1);
    }

    private static Claim plateau(Variant v) {
        return new Claim("3.3 / 4", Claim.FIRST + " reaches its plateau after 1–2 epochs",
                "test accuracy still gained after epoch 2: end-point − accuracy at epoch 2", "pp",
                Hypothesis.below(PLATEAU_POINTS), v, END_POINT, v, AFTER_TWO_EPOCHS, AFTER_EPOCH_TWO);
    }

    private static Claim fasterThanBaseline(Variant v) {
        return new Claim("3.3 / 4", Claim.SECOND + " is nearer its plateau after 2 epochs than the " + Claim.FIRST,
                "paired difference of the accuracy still gained after epoch 2, " + Claim.FIRST + " − " + Claim.SECOND,
                "pp", Hypothesis.above(0), BASELINE, GAIN_AFTER_TWO_EPOCHS, v, GAIN_AFTER_TWO_EPOCHS, AFTER_EPOCH_TWO);
    }
}
