package org.convergence4j.claims;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.convergence4j.models.Variant;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.statistics.PairedSample;
import org.convergence4j.statistics.StudyRuns;
import org.convergence4j.train.RunRecord;

/**
 * One reading of a claim: a statistic and the region where the claim holds. Per seed k,
 * <pre>
 *   dₖ = f(run of {@code first}, seed k) − g(run of {@code second}, seed k)
 * </pre>
 * over the seeds both runs have a value for, judged by the t interval of the mean of dₖ on the region. With two
 * variants it is a paired difference; with one variant and two measures, a quantity within each run (g = 0 gives
 * f itself).
 *
 * @param name what the reading takes the claim to mean, e.g. "over the whole curve"
 * @param statistic what dₖ is, in words, with the claim's placeholders ({@link Claim#FIRST}, {@link Claim#SECOND})
 * @param unit the unit of dₖ
 * @param region where the claim holds
 * @param first the variant f is measured on
 * @param f the first measure ({@link RunMeasures})
 * @param second the variant g is measured on
 * @param g the second measure
 * @param minEpochs the fewest epochs a run needs for the statistic to mean what the reading says
 */
public record Reading(String name, String statistic, String unit, Region region, Variant first,
        ToDoubleFunction<RunRecord> f, Variant second, ToDoubleFunction<RunRecord> g, int minEpochs) {

    /** g = 0: the statistic is f itself. */
    public static final ToDoubleFunction<RunRecord> ZERO = r -> 0;

    /** The same reading on other variants. */
    Reading on(Variant newFirst, Variant newSecond) {
        return new Reading(name, statistic, unit, region, newFirst, f, newSecond, g, minEpochs);
    }

    /**
     * The reading of {@code claim} judged on {@code runs} at {@code level}: not applicable when the runs have fewer
     * than {@link #minEpochs} epochs or none has what f and g need.
     */
    Finding judge(Claim claim, StudyRuns runs, double level) {
        String text = claim.named(statistic);
        Hypothesis hypothesis = region.at(runs.settings());
        if (runs.settings().epochs() < minEpochs) {
            return Finding.notApplicable(claim.section(), claim.text(), name, text, unit, hypothesis,
                    "needs runs of at least " + minEpochs + " epochs, these have " + runs.settings().epochs());
        }
        Map<Long, Double> a = runs.bySeed(first, f);
        Map<Long, Double> b = runs.bySeed(second, g);
        PairedSample sample = PairedSample.of(a, b);
        if (sample.seeds().isEmpty() && !runs.bySeed(first, r -> 0).isEmpty()
                && !runs.bySeed(second, r -> 0).isEmpty()) {
            return Finding.notApplicable(claim.section(), claim.text(), name, text, unit, hypothesis,
                    "the stored runs do not hold what it measures");
        }
        return Finding.judge(claim.section(), claim.text(), name, text, unit, hypothesis, sample, level);
    }
}
