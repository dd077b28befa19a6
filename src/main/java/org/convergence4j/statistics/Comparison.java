package org.convergence4j.statistics;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.models.Variant;
import org.convergence4j.train.RunRecord;

/**
 * A study's comparison, computed from its run records: per variant the statistics over its finished seeds
 * ({@link VariantStatistics}), and for each pair of variants the difference in the {@link EndPoint} with its paired
 * and its Welch interval ({@link PairwiseComparison}). Variants come in the study's order.
 *
 * @param level the confidence level of every interval
 * @param threshold the test accuracy whose first epoch is reported
 * @param margin the equivalence margin of every pair (a fraction)
 * @param endPointEpochs the epochs the {@link EndPoint} averages, e.g. {@code epochs 16–20}
 * @param variants every variant of the study that has at least one stored run
 * @param pairs each pair of variants that both have a finished seed, once, in {@code variants} order
 * @param missing the study's variants without any stored run yet
 */
public record Comparison(double level, double threshold, double margin, String endPointEpochs,
        List<VariantStatistics> variants,
        List<PairwiseComparison> pairs, List<String> missing) {

    /** 95% intervals. */
    public static final double LEVEL = 0.95;
    /** The milestone whose first epoch is reported: 98% test accuracy. */
    public static final double THRESHOLD = 0.98;

    /**
     * Compares {@code variants} over {@code runs} (any order; runs of other variants are ignored) at {@link #LEVEL}
     * and {@link #THRESHOLD}.
     *
     * @param seedsConfigured the seeds per variant the study asks for
     * @param epochs the epochs per run the study asks for
     * @param margin the equivalence margin of two end-points, a fraction: two variants whose paired interval lies
     *     inside ±margin are equivalent ({@link org.convergence4j.data.Dataset#equivalenceMargin()})
     */
    public static Comparison of(List<Variant> variants, int seedsConfigured, int epochs, double margin,
            List<RunRecord> runs) {
        List<VariantStatistics> stats = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Variant v : variants) {
            List<RunRecord> own = runs.stream().filter(r -> r.variant().equals(v)).toList();
            if (own.isEmpty()) {
                missing.add(v.key());
            } else {
                stats.add(VariantStatistics.of(v, own, seedsConfigured, THRESHOLD));
            }
        }
        List<PairwiseComparison> pairs = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            for (int j = i + 1; j < stats.size(); j++) {
                VariantStatistics a = stats.get(i);
                VariantStatistics b = stats.get(j);
                if (a.endPoint().isPresent() && b.endPoint().isPresent()) {
                    pairs.add(PairwiseComparison.of(a.variant(), PairwiseComparison.bySeed(a), b.variant(),
                            PairwiseComparison.bySeed(b), LEVEL, margin));
                }
            }
        }
        return new Comparison(LEVEL, THRESHOLD, margin, EndPoint.epochs(epochs), List.copyOf(stats),
                PairwiseComparison.corrected(pairs), List.copyOf(missing));
    }
}
