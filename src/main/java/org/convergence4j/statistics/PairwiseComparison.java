package org.convergence4j.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The difference in the primary {@link EndPoint} between two variants, {@code first − second}, judged by the paired
 * t interval over the seeds both have ({@link PairedSample}); Welch's interval over all finished seeds, which
 * ignores the pairing, is kept next to it for comparison.
 * <p>
 * The verdict: better when the paired interval excludes 0; <em>equivalent within the margin</em> when it lies
 * inside (−margin, +margin), so that no difference larger than the margin is compatible with the data; otherwise
 * not resolved, with the half-width that more seeds would have to shrink.
 *
 * @param first the variant whose mean is subtracted from
 * @param second the other variant
 * @param firstEndPoint the end-point of {@code first} over its finished seeds
 * @param secondEndPoint the end-point of {@code second} over its finished seeds
 * @param paired the paired interval of the mean difference; empty with fewer than two common seeds
 * @param welch Welch's interval; empty when a variant has fewer than two finished seeds or neither has spread
 * @param margin the equivalence margin (a fraction, e.g. 0.0015 for 0.15 pp)
 * @param corrected the verdict corrected for multiplicity over the study's pairs ({@link #corrected(List)}); the
 *     interval's own verdict, {@link #outcome()}, before the correction
 */
public record PairwiseComparison(String first, String second, Spread firstEndPoint, Spread secondEndPoint,
        Optional<MeanInterval> paired, Optional<WelchInterval> welch, double margin, Outcome corrected) {

    /** What may be concluded from the paired interval. */
    public enum Outcome {
        /** The interval lies above 0. */
        FIRST_BETTER,
        /** The interval lies below 0. */
        SECOND_BETTER,
        /** The interval contains 0 and lies inside ±margin. */
        EQUIVALENT,
        /** The interval contains 0 and reaches beyond the margin. */
        NOT_RESOLVED,
        /** Fewer than two seeds are common to both variants. */
        NO_INTERVAL;

        /** What a paired interval of {@code first − second} says, with equivalence {@code margin}. */
        public static Outcome of(MeanInterval ci, double margin) {
            if (ci.low() > 0) {
                return FIRST_BETTER;
            }
            if (ci.high() < 0) {
                return SECOND_BETTER;
            }
            return Hypothesis.within(margin).judge(ci) == Verdict.SUPPORTED ? EQUIVALENT : NOT_RESOLVED;
        }
    }

    /** Compares the end-points of two variants, each given per seed (seed → end-point). */
    public static PairwiseComparison of(String first, Map<Long, Double> firstBySeed, String second,
            Map<Long, Double> secondBySeed, double level, double margin) {
        Spread a = spread(firstBySeed);
        Spread b = spread(secondBySeed);
        Optional<MeanInterval> paired = PairedSample.of(firstBySeed, secondBySeed).interval(level);
        return new PairwiseComparison(first, second, a, b, paired, WelchInterval.of(a, b, level), margin,
                paired.map(ci -> Outcome.of(ci, margin)).orElse(Outcome.NO_INTERVAL));
    }

    /**
     * {@code pairs}, one study's table, with their verdicts corrected by {@link Holm}'s procedure at
     * {@link Finding#ALPHA}: each pair with an interval enters with the one-sided p-value of its verdict (above 0,
     * below 0, or the larger of the two one-sided tests of equivalence; the smallest of the three when not
     * resolved); a rejected pair keeps its verdict, the others become not resolved.
     */
    public static List<PairwiseComparison> corrected(List<PairwiseComparison> pairs) {
        boolean[] rejected = Holm.rejected(pairs, p -> p.paired().isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(p.pValue()), Finding.ALPHA);
        List<PairwiseComparison> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            PairwiseComparison pair = pairs.get(i);
            out.add(pair.paired().isEmpty() || rejected[i] || pair.outcome() == Outcome.NOT_RESOLVED ? pair
                    : new PairwiseComparison(pair.first, pair.second, pair.firstEndPoint, pair.secondEndPoint,
                            pair.paired, pair.welch, pair.margin, Outcome.NOT_RESOLVED));
        }
        return out;
    }

    /** The one-sided p-value of the interval's verdict (see {@link #corrected(List)}). */
    private double pValue() {
        MeanInterval ci = paired.orElseThrow();
        double above = Hypothesis.above(0).pSupported(ci);
        double below = Hypothesis.below(0).pSupported(ci);
        double equivalent = Hypothesis.within(margin).pSupported(ci);
        return switch (outcome()) {
            case FIRST_BETTER -> above;
            case SECOND_BETTER -> below;
            case EQUIVALENT -> equivalent;
            case NOT_RESOLVED, NO_INTERVAL -> Math.min(above, Math.min(below, equivalent));
        };
    }

    /** The end-points of {@code v} by seed. */
    static Map<Long, Double> bySeed(VariantStatistics v) {
        Map<Long, Double> values = new HashMap<>();
        List<Long> seeds = v.finishedSeeds();
        for (int i = 0; i < seeds.size(); i++) {
            values.put(seeds.get(i), v.endPointPerSeed().get(i));
        }
        return values;
    }

    /** The mean paired difference where there is one, else the difference of the means. */
    @JsonProperty("difference")
    public double difference() {
        return paired.map(MeanInterval::mean).orElse(firstEndPoint.mean() - secondEndPoint.mean());
    }

    /** What the paired interval says. */
    public Outcome outcome() {
        return paired.map(ci -> Outcome.of(ci, margin)).orElse(Outcome.NO_INTERVAL);
    }

    /**
     * The corrected verdict in words, e.g. {@code BatchNorm better} or {@code equivalent within ±0.15 pp}, with the
     * interval's own verdict beside it where the correction changed it.
     */
    @JsonProperty("verdict")
    public String verdictText() {
        return text(corrected) + beforeCorrection().map(b -> " (" + b + ")").orElse("");
    }

    /** The interval's own verdict, e.g. {@code BatchNorm better before Holm's correction}, if the correction changed it. */
    public Optional<String> beforeCorrection() {
        return corrected != outcome() ? Optional.of(text(outcome()) + " before Holm's correction") : Optional.empty();
    }

    private String text(Outcome outcome) {
        return switch (outcome) {
            case FIRST_BETTER -> first + " better";
            case SECOND_BETTER -> second + " better";
            case EQUIVALENT -> "equivalent within ±" + points(margin) + " pp";
            case NOT_RESOLVED -> "not resolved: ±" + points(paired.orElseThrow().halfWidth()) + " pp at n = "
                    + paired.orElseThrow().n();
            case NO_INTERVAL -> "no interval: fewer than two seeds in common";
        };
    }

    private static String points(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    private static Spread spread(Map<Long, Double> bySeed) {
        return Spread.of(bySeed.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
}
