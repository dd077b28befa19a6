package org.convergence4j.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The difference in final test accuracy between two variants, {@code first − second}, with its
 * Welch interval over seeds (see {@link WelchInterval}).
 *
 * @param first the variant whose mean is subtracted from
 * @param second the other variant
 * @param firstAccuracy final test accuracy of {@code first} over its finished seeds
 * @param secondAccuracy final test accuracy of {@code second} over its finished seeds
 * @param interval the confidence interval of the difference; empty when a variant has fewer than
 *     two finished seeds or neither has any spread
 */
public record PairwiseComparison(String first, String second, Spread firstAccuracy, Spread secondAccuracy,
        Optional<WelchInterval> interval) {

    /** What may be concluded from the interval. */
    public enum Verdict {
        /** The interval lies above 0. */
        FIRST_BETTER,
        /** The interval lies below 0. */
        SECOND_BETTER,
        /** The interval contains 0. */
        NO_SIGNIFICANT_DIFFERENCE,
        /** There is no interval: a variant has fewer than two finished seeds, or neither has spread. */
        NO_INTERVAL
    }

    /** Compares the final test accuracies of two variants at the given confidence level. */
    public static PairwiseComparison of(String first, Spread firstAccuracy, String second, Spread secondAccuracy,
            double level) {
        return new PairwiseComparison(first, second, firstAccuracy, secondAccuracy,
                WelchInterval.of(firstAccuracy, secondAccuracy, level));
    }

    /** {@code x̄(first) − x̄(second)}, defined even without an interval. */
    @JsonProperty("difference")
    public double difference() {
        return firstAccuracy.mean() - secondAccuracy.mean();
    }

    /** A better/worse conclusion only when the interval excludes 0. */
    public Verdict verdict() {
        if (interval.isEmpty()) {
            return Verdict.NO_INTERVAL;
        }
        WelchInterval ci = interval.get();
        if (!ci.excludesZero()) {
            return Verdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        return ci.low() > 0 ? Verdict.FIRST_BETTER : Verdict.SECOND_BETTER;
    }

    /** The verdict in words, e.g. {@code BatchNorm better} or {@code no significant difference}. */
    @JsonProperty("verdict")
    public String verdictText() {
        return switch (verdict()) {
            case FIRST_BETTER -> first + " better";
            case SECOND_BETTER -> second + " better";
            case NO_SIGNIFICANT_DIFFERENCE -> "no significant difference";
            case NO_INTERVAL -> firstAccuracy.n() < 2 || secondAccuracy.n() < 2
                    ? "no interval: fewer than two finished seeds"
                    : "no interval: no spread over seeds in either variant";
        };
    }
}
