package org.convergence4j.statistics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.convergence4j.models.Variant;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingSettings;

/**
 * The finished runs of one study: those stored at its training settings and seeds that trained every epoch (a
 * diverged run is left out, as in every statistic).
 *
 * @param seeds the study's seeds
 * @param settings the study's training settings
 * @param runs the stored runs, of this study and perhaps others (those are ignored)
 */
public record StudyRuns(List<Long> seeds, TrainingSettings settings, List<RunRecord> runs) {

    /** Copies the lists. */
    public StudyRuns {
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
    }

    /** {@code metric} of each finished run of {@code variant}, by seed; a run whose value is NaN (not measured) is left out. */
    public Map<Long, Double> bySeed(Variant variant, ToDoubleFunction<RunRecord> metric) {
        Map<Long, Double> values = new TreeMap<>();
        for (RunRecord r : runs) {
            if (r.variant().equals(variant) && r.settings().equals(settings) && seeds.contains(r.seed()) && r.complete()) {
                double value = metric.applyAsDouble(r);
                if (!Double.isNaN(value)) {
                    values.put(r.seed(), value);
                }
            }
        }
        return values;
    }
}
