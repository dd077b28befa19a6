package org.convergence4j.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.convergence4j.models.Head;
import org.convergence4j.models.Heads;

/**
 * Part 4's comparison, computed from the training summary alone: per variant the statistics over
 * its finished seeds ({@link VariantStatistics}), and for each pair of variants the difference in
 * final test accuracy with its Welch interval ({@link PairwiseComparison}). Variants come in the
 * registry's order ({@link Heads#all()}), then any others in the summary's order.
 *
 * @param level the confidence level of every interval
 * @param threshold the test accuracy whose first epoch is reported
 * @param variants every variant with at least one run in the summary
 * @param pairs each pair of variants that both have a finished seed, once, in {@code variants} order
 * @param missing registry variants with no run in the summary yet
 */
public record Comparison(double level, double threshold, List<VariantStatistics> variants,
        List<PairwiseComparison> pairs, List<String> missing) {

    /** 95% intervals. */
    public static final double LEVEL = 0.95;
    /** The milestone whose first epoch is reported: 98% test accuracy. */
    public static final double THRESHOLD = 0.98;

    /** Compares the variants of {@code summary} at {@link #LEVEL} and {@link #THRESHOLD}. */
    public static Comparison of(RunSummary summary) {
        List<String> registry = Heads.all().stream().map(Head::name).toList();
        int seeds = summary.configuration().seeds().size();
        List<VariantStatistics> variants = summary.variants().values().stream()
                .sorted(Comparator.comparingInt(v -> registryIndex(registry, v.name())))
                .map(v -> VariantStatistics.of(v, seeds, THRESHOLD)).toList();
        List<PairwiseComparison> pairs = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            for (int j = i + 1; j < variants.size(); j++) {
                VariantStatistics a = variants.get(i);
                VariantStatistics b = variants.get(j);
                if (a.finalTestAccuracy().isPresent() && b.finalTestAccuracy().isPresent()) {
                    pairs.add(PairwiseComparison.of(a.name(), a.finalTestAccuracy().get(), b.name(),
                            b.finalTestAccuracy().get(), LEVEL));
                }
            }
        }
        List<String> missing = registry.stream().filter(name -> !summary.variants().containsKey(name)).toList();
        return new Comparison(LEVEL, THRESHOLD, variants, List.copyOf(pairs), missing);
    }

    /** The statistics of the variant called {@code name}, if it has runs. */
    public Optional<VariantStatistics> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The comparison of two variants, in whichever orientation it is stored, if both have finished seeds. */
    public Optional<PairwiseComparison> pair(String one, String other) {
        return pairs.stream().filter(p -> p.first().equals(one) && p.second().equals(other)
                || p.first().equals(other) && p.second().equals(one)).findFirst();
    }

    /** The pairs whose both variants are in {@code names}, in this comparison's order. */
    public List<PairwiseComparison> pairsAmong(Collection<String> names) {
        return pairs.stream().filter(p -> names.contains(p.first()) && names.contains(p.second())).toList();
    }

    /** Registry variants first, in registry order; unknown ones after them, keeping their order (stable sort). */
    private static int registryIndex(List<String> registry, String name) {
        int index = registry.indexOf(name);
        return index >= 0 ? index : registry.size();
    }
}
