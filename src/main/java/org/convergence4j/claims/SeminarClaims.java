package org.convergence4j.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.train.RunRecord;

/**
 * The conclusions the seminar's notebook draws in Parts 2–4 (its sections 2.3 and 3.3), each as a {@link Claim}
 * with its readings, fixed in the analysis plan before the runs they judge. Accuracies are in percentage points,
 * losses in nats; "the end-point" is {@link org.convergence4j.statistics.EndPoint}.
 *
 * <p>The readings of each kind of assertion:
 * <ul>
 *   <li>"A is better than B": the paired difference A − B of the end-point, of the mean test accuracy over the whole
 *   curve (what a reader of the notebook's curves sees), and B − A of the test NLL over the end-point's epochs;</li>
 *   <li>"A trains worse than it tests": the test − training accuracy with the masks on (the notebook's figure), that
 *   gap relative to the Baseline's (which has no masks, so what the masks add), and the inference-mode gap of the
 *   final network relative to the Baseline's (what the network has learned, masks off);</li>
 *   <li>"A reaches its plateau after 1–2 epochs": the epochs a run needs to come within each of
 *   {@link #PLATEAU_POINTS} of its own end-point (fewer than 2.5, i.e. 2 when rounded), and at the middle one,
 *   the Baseline's epochs − A's (A gets there sooner: the notebook's "very fast");</li>
 *   <li>"A and B differ little in quality or training behaviour": equivalence of the end-point and of the curve mean
 *   within one test set's binomial standard error ({@link Region#equivalentOnTheTestSet()}), and of the epochs
 *   to come within the middle plateau threshold within ±{@value #EPOCH_MARGIN} epoch.</li>
 * </ul>
 */
public final class SeminarClaims {

    /**
     * How near its own end-point a run must come to be "on its plateau", three readings: 0.25 pp (about two binomial
     * standard errors of one MNIST test accuracy: within the noise of the test set), 0.5 pp and 1 pp (what a reader
     * sees on a curve drawn over a few percent). Fixed before the runs they judge, not derived from them.
     */
    public static final List<Double> PLATEAU_POINTS = List.of(0.25, 0.5, 1.0);
    /** The plateau threshold of the readings relative to the Baseline and of the training behaviour: 0.5 pp. */
    public static final double MIDDLE_PLATEAU = PLATEAU_POINTS.get(1);
    /** "After 1–2 epochs": the mean epochs to the plateau is below 2.5, so 2 or fewer when rounded. */
    public static final double PLATEAU_EPOCHS = 2.5;
    /** Equivalence of the epochs to the plateau: within ±1 epoch, the resolution of a curve sampled once per epoch. */
    public static final double EPOCH_MARGIN = 1;

    private static final Variant BASELINE = Variants.BASELINE.defaults();
    private static final Variant DROPOUT = Variants.DROPOUT.defaults();
    private static final Variant DROPCONNECT = Variants.DROPCONNECT.defaults();
    private static final Variant BATCHNORM = Variants.BATCHNORM.defaults();
    private static final Variant LAYERNORM = Variants.LAYERNORM.defaults();

    private static final String F = Claim.FIRST;
    private static final String S = Claim.SECOND;

    /** Section 2.3: Dropout beats DropConnect, and the regularized models train worse than they test. */
    public static final List<Claim> PART2 = List.of(
            better(Sentence.DROPOUT_BETTER, F + " is better than " + S, DROPOUT, DROPCONNECT),
            trainsWorseThanItTests(DROPOUT),
            trainsWorseThanItTests(DROPCONNECT));

    /**
     * Section 3.3: BatchNorm and LayerNorm differ little, BatchNorm slightly better; both plateau early; DropConnect
     * does worse than the Baseline.
     */
    public static final List<Claim> PART3 = List.of(
            differLittle(BATCHNORM, LAYERNORM),
            better(Sentence.NORMALIZATIONS_ALIKE, F + " is slightly better than " + S, BATCHNORM, LAYERNORM),
            plateau(BATCHNORM),
            plateau(LAYERNORM),
            worse(DROPCONNECT, BASELINE));

    /** Every claim of Parts 2–4 in the notebook's order. */
    public static final List<Claim> ALL = Stream.of(PART2, PART3).flatMap(List::stream).toList();

    private SeminarClaims() {
    }

    private static Reading reading(String name, String statistic, String unit, Region region, Variant first,
            ToDoubleFunction<RunRecord> f, Variant second, ToDoubleFunction<RunRecord> g) {
        return new Reading(name, statistic, unit, region, first, f, second, g, 1);
    }

    private static Claim better(Sentence sentence, String statement, Variant winner, Variant loser) {
        return ordered(sentence, statement, winner, loser, Hypothesis.above(0));
    }

    private static Claim worse(Variant loser, Variant winner) {
        return ordered(Sentence.DROPCONNECT_WORSE, F + " is worse than the " + S, loser, winner, Hypothesis.below(0));
    }

    /**
     * A claim that orders {@code first} and {@code second}, its three readings' differences first − second (the test
     * NLL second − first, a lower loss being better) holding in {@code region}.
     */
    private static Claim ordered(Sentence sentence, String statement, Variant first, Variant second,
            Hypothesis region) {
        Region where = Region.of(region);
        return new Claim(sentence, statement, first, second, List.of(
                reading("at the end-point", "paired difference of the end-point, " + F + " − " + S, "pp", where,
                        first, RunMeasures.END_POINT, second, RunMeasures.END_POINT),
                reading("over the whole curve", "paired difference of the mean test accuracy over all epochs, " + F
                        + " − " + S, "pp", where, first, RunMeasures.CURVE_MEAN, second, RunMeasures.CURVE_MEAN),
                reading("by test NLL", "paired difference of the test NLL over the end-point's epochs, " + S + " − "
                        + F, "nats", where, second, RunMeasures.END_POINT_NLL, first, RunMeasures.END_POINT_NLL)));
    }

    private static Claim trainsWorseThanItTests(Variant v) {
        Region above = Region.of(Hypothesis.above(0));
        return new Claim(Sentence.TRAINS_WORSE, F + " trains worse than it tests", v, v, List.of(
                reading("masks on", "test − training accuracy over the end-point's epochs, the training accuracy "
                        + "with the masks on", "pp", above, v, RunMeasures.MASKS_ON_GAP, v, Reading.ZERO),
                reading("masks on, against the Baseline", "paired difference of that gap, " + F + " − Baseline",
                        "pp", above, v, RunMeasures.MASKS_ON_GAP, BASELINE, RunMeasures.MASKS_ON_GAP),
                reading("inference mode, against the Baseline", "paired difference of the final network's test − "
                        + "training-set accuracy in inference mode, " + F + " − Baseline", "pp", above, v,
                        RunMeasures.INFERENCE_GAP, BASELINE, RunMeasures.INFERENCE_GAP)));
    }

    private static Claim plateau(Variant v) {
        Region early = Region.of(Hypothesis.below(PLATEAU_EPOCHS));
        List<Reading> readings = new ArrayList<>(PLATEAU_POINTS.stream().map(points -> new Reading(
                "within " + points(points) + " pp", "epochs to come within " + points(points) + " pp of its own "
                        + "end-point", "epochs", early, v, RunMeasures.epochsToWithin(points), v, Reading.ZERO, 3))
                .toList());
        readings.add(new Reading("sooner than the Baseline", "paired difference of the epochs to come within "
                + points(MIDDLE_PLATEAU) + " pp of the own end-point, Baseline − " + F, "epochs",
                Region.of(Hypothesis.above(0)), BASELINE, RunMeasures.epochsToWithin(MIDDLE_PLATEAU), v,
                RunMeasures.epochsToWithin(MIDDLE_PLATEAU), 3));
        return new Claim(Sentence.PLATEAU, F + " reaches its plateau after 1–2 epochs", v, v, readings);
    }

    private static Claim differLittle(Variant a, Variant b) {
        Region equivalent = Region.equivalentOnTheTestSet();
        return new Claim(Sentence.NORMALIZATIONS_ALIKE, F + " and " + S + " differ little", a, b, List.of(
                reading("at the end-point", "paired difference of the end-point, " + F + " − " + S, "pp", equivalent,
                        a, RunMeasures.END_POINT, b, RunMeasures.END_POINT),
                reading("over the whole curve", "paired difference of the mean test accuracy over all epochs, " + F
                        + " − " + S, "pp", equivalent, a, RunMeasures.CURVE_MEAN, b, RunMeasures.CURVE_MEAN),
                new Reading("in training behaviour", "paired difference of the epochs to come within "
                        + points(MIDDLE_PLATEAU) + " pp of the own end-point, " + F + " − " + S, "epochs",
                        Region.of(Hypothesis.within(EPOCH_MARGIN)), a, RunMeasures.epochsToWithin(MIDDLE_PLATEAU), b,
                        RunMeasures.epochsToWithin(MIDDLE_PLATEAU), 3)));
    }

    /** A threshold in pp without trailing zeros: 0.25, 0.5, 1. */
    static String points(double points) {
        return BigDecimal.valueOf(points).stripTrailingZeros().toPlainString();
    }
}
