package org.convergence4j.statistics;

import java.util.Optional;

/**
 * One claim judged by the data: the claim in words, the statistic that tests it, its value with a 95% interval,
 * and the verdict of that interval on the claim's {@link Hypothesis}. Values are in the unit the write-ups show
 * (percentage points for accuracies), so that every number of a verdict table is this record's.
 *
 * @param section where the seminar makes the claim, e.g. {@code 2.3}
 * @param claim the claim, e.g. "Dropout is better than DropConnect"
 * @param statistic what is measured, e.g. "paired difference Dropout − DropConnect of the end-point"
 * @param unit the unit of the value and the hypothesis, e.g. {@code pp}
 * @param hypothesis the region of the true value in which the claim holds
 * @param seeds how many seeds the statistic has (those both runs of a pair finished)
 * @param value the mean over seeds with its interval; empty with fewer than two seeds
 * @param verdict the interval's verdict; {@link Verdict#NOT_RESOLVED} without an interval
 * @param reason why it is {@link Verdict#NOT_APPLICABLE}; empty otherwise
 */
public record Finding(String section, String claim, String statistic, String unit, Hypothesis hypothesis,
        int seeds, Optional<MeanInterval> value, Verdict verdict, Optional<String> reason) {

    /** The finding of the per-seed values {@code sample} on {@code hypothesis}, with its t interval at {@code level}. */
    public static Finding judge(String section, String claim, String statistic, String unit, Hypothesis hypothesis,
            PairedSample sample, double level) {
        Optional<MeanInterval> value = sample.interval(level);
        return new Finding(section, claim, statistic, unit, hypothesis, sample.seeds().size(), value,
                value.map(hypothesis::judge).orElse(Verdict.NOT_RESOLVED), Optional.empty());
    }

    /** The finding of a claim whose statistic the runs cannot give, for {@code reason}. */
    public static Finding notApplicable(String section, String claim, String statistic, String unit,
            Hypothesis hypothesis, String reason) {
        return new Finding(section, claim, statistic, unit, hypothesis, 0, Optional.empty(), Verdict.NOT_APPLICABLE,
                Optional.of(reason));
    }

    /** The verdict in words, with the number of seeds where it is not resolved. */
    public String verdictText() {
        return verdict.text(seeds) + reason.map(r -> " (" + r + ")").orElse("");
    }
}
