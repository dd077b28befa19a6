package org.convergence4j.claims;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.convergence4j.models.Variant;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.statistics.PairedSample;
import org.convergence4j.statistics.StudyRuns;
import org.convergence4j.train.TrainingHistory;

/**
 * One conclusion of the seminar and the statistic that tests it: per seed k,
 * <pre>
 *   dₖ = f(run of {@code first}, seed k) − g(run of {@code second}, seed k)
 * </pre>
 * over the seeds both have, judged by the t interval of the mean of dₖ on the claim's {@link Hypothesis}. With two
 * variants this is a paired difference (f = g, the end-point); with one variant and two metrics it is a gap within
 * each run (test − training accuracy, or the gain between two epochs).
 *
 * @param section where the notebook draws the conclusion, e.g. {@code 2.3}
 * @param statement the conclusion, e.g. "Dropout is better than DropConnect"
 * @param statistic what dₖ is, in words
 * @param unit the unit of f and g, e.g. {@code pp}
 * @param hypothesis the region of the true mean of dₖ in which the claim holds
 * @param first the variant f is computed on
 * @param f the first metric of a run's history
 * @param second the variant g is computed on (may be {@code first})
 * @param g the second metric
 */
public record Claim(String section, String statement, String statistic, String unit, Hypothesis hypothesis,
        Variant first, ToDoubleFunction<TrainingHistory> f, Variant second, ToDoubleFunction<TrainingHistory> g) {

    /** The claim judged on {@code runs} at {@code level}. */
    public Finding judge(StudyRuns runs, double level) {
        Map<Long, Double> a = runs.bySeed(first, f);
        Map<Long, Double> b = runs.bySeed(second, g);
        return Finding.judge(section, statement, statistic, unit, hypothesis, PairedSample.of(a, b), level);
    }
}
