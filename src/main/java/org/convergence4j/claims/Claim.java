package org.convergence4j.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.convergence4j.models.Variant;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Verdict;
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
 * <p>A claim is about kinds (Dropout, DropConnect) and is made on variants of them: {@link #on} makes it on the
 * variants a study trained, so that a command that trains {@code Dropout(drop=0.4)} judges the claim on that
 * variant, never on one it did not train. Its texts name the variants through the placeholders {@value #FIRST} and
 * {@value #SECOND}.
 *
 * @param section where the notebook draws the conclusion, e.g. {@code 2.3}
 * @param statement the conclusion, e.g. "{first} is better than {second}"
 * @param statistic what dₖ is, in words
 * @param unit the unit of f and g, e.g. {@code pp}
 * @param hypothesis the region of the true mean of dₖ in which the claim holds
 * @param first the variant f is computed on
 * @param f the first metric of a run's history
 * @param second the variant g is computed on (may be {@code first})
 * @param g the second metric
 * @param minEpochs the fewest epochs a run needs for f and g to mean what the claim says (3 for "after epoch 2",
 *     which needs an epoch after the second); with fewer the claim is not applicable
 */
public record Claim(String section, String statement, String statistic, String unit, Hypothesis hypothesis,
        Variant first, ToDoubleFunction<TrainingHistory> f, Variant second, ToDoubleFunction<TrainingHistory> g,
        int minEpochs) {

    /** The placeholder of the first variant's text in the statement and the statistic. */
    public static final String FIRST = "{first}";
    /** The placeholder of the second variant's text. */
    public static final String SECOND = "{second}";

    /** The statement with the variants named, e.g. "Dropout is better than DropConnect". */
    public String text() {
        return named(statement);
    }

    /** The statistic with the variants named. */
    public String statisticText() {
        return named(statistic);
    }

    private String named(String template) {
        return template.replace(FIRST, first.key()).replace(SECOND, second.key());
    }

    /**
     * The claim made on the variants among {@code trained} of its kinds: one claim per variant of the first kind and
     * of the second (one, when both are the same variant); none when a kind has no trained variant. A claim whose
     * statement names its variants itself (no placeholders: Part 1's, whose variants carry their optimizer) is kept
     * only when both its variants were trained.
     */
    public List<Claim> on(List<Variant> trained) {
        if (!statement.contains(FIRST) && !statement.contains(SECOND)) {
            return trained.contains(first) && trained.contains(second) ? List.of(this) : List.of();
        }
        List<Claim> claims = new ArrayList<>();
        for (Variant a : ofKind(trained, first)) {
            if (first.equals(second)) {
                claims.add(with(a, a));
                continue;
            }
            ofKind(trained, second).forEach(b -> claims.add(with(a, b)));
        }
        return claims;
    }

    /** Why {@link #on} makes no claim on {@code trained}, e.g. "DropConnect was not trained"; empty if it makes one. */
    public Optional<String> whyNotOn(List<Variant> trained) {
        if (!on(trained).isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = Stream.of(first, second).distinct()
                .filter(v -> statement.contains(FIRST) || statement.contains(SECOND) ? ofKind(trained, v).isEmpty()
                        : !trained.contains(v))
                .map(v -> statement.contains(FIRST) || statement.contains(SECOND) ? v.kind().name() : v.key()).toList();
        return Optional.of(String.join(" and ", missing) + (missing.size() == 1 ? " was" : " were") + " not trained");
    }

    private static List<Variant> ofKind(List<Variant> trained, Variant v) {
        return trained.stream().filter(t -> t.kind().equals(v.kind())).toList();
    }

    private Claim with(Variant a, Variant b) {
        return new Claim(section, statement, statistic, unit, hypothesis, a, f, b, g, minEpochs);
    }

    /**
     * The claim judged on {@code runs} at {@code level}; {@link Verdict#NOT_APPLICABLE} when the runs have fewer
     * than {@link #minEpochs} epochs.
     */
    public Finding judge(StudyRuns runs, double level) {
        if (runs.settings().epochs() < minEpochs) {
            return Finding.notApplicable(section, text(), statisticText(), unit, hypothesis,
                    "needs runs of at least " + minEpochs + " epochs, these have " + runs.settings().epochs());
        }
        Map<Long, Double> a = runs.bySeed(first, f);
        Map<Long, Double> b = runs.bySeed(second, g);
        return Finding.judge(section, text(), statisticText(), unit, hypothesis, PairedSample.of(a, b), level);
    }
}
