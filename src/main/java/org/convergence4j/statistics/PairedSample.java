package org.convergence4j.statistics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The per-seed differences dₖ = aₖ − bₖ of a statistic between two groups of runs, over the seeds both have.
 * For a given seed every TestNetwork variant starts from the same trunk weights and sees the same batches in the
 * same order, so the seed-to-seed variation they share cancels in dₖ; its t interval ({@link MeanInterval}) is
 * the paired interval of the mean difference.
 *
 * @param seeds the seeds both groups have, ascending
 * @param differences dₖ, in the order of {@code seeds}
 */
public record PairedSample(List<Long> seeds, double[] differences) {

    /** The differences {@code first[k] − second[k]} over the seeds present in both maps. */
    public static PairedSample of(Map<Long, Double> first, Map<Long, Double> second) {
        TreeSet<Long> common = new TreeSet<>(first.keySet());
        common.retainAll(second.keySet());
        List<Long> seeds = List.copyOf(common);
        return new PairedSample(seeds, seeds.stream().mapToDouble(k -> first.get(k) - second.get(k)).toArray());
    }

    /** The paired t interval of the mean difference; empty with fewer than two common seeds. */
    public Optional<MeanInterval> interval(double level) {
        return MeanInterval.of(differences, level);
    }
}
