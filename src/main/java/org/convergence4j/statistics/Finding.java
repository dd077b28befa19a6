package org.convergence4j.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One claim judged by the data: the claim in words, the statistic that tests it, its value with a 95% interval,
 * and the verdict of that interval on the claim's {@link Hypothesis}. Values are in the unit the write-ups show
 * (percentage points for accuracies), so that every number of a verdict table is this record's.
 *
 * @param section where the seminar makes the claim, e.g. {@code 2.3}
 * @param claim the claim, e.g. "Dropout is better than DropConnect"
 * @param reading which reading of the claim, e.g. "at the end-point"
 * @param statistic what is measured, e.g. "paired difference Dropout − DropConnect of the end-point"
 * @param unit the unit of the value and the hypothesis, e.g. {@code pp}
 * @param hypothesis the region of the true value in which the claim holds
 * @param seeds how many seeds the statistic has (those both runs of a pair finished)
 * @param value the mean over seeds with its interval; empty with fewer than two seeds
 * @param verdict the primary verdict: the interval's, corrected for multiplicity over the study's claims
 *     ({@link #corrected}); {@link Verdict#NOT_RESOLVED} without an interval
 * @param unadjusted the interval's own verdict, before the correction
 * @param reason why it is {@link Verdict#NOT_APPLICABLE}; empty otherwise
 */
public record Finding(String section, String claim, String reading, String statistic, String unit, Hypothesis hypothesis,
        int seeds, Optional<MeanInterval> value, Verdict verdict, Verdict unadjusted, Optional<String> reason) {

    /** One-sided level of each side of a 95% interval: a claim is resolved when a one-sided p is below it. */
    public static final double ALPHA = (1 - Comparison.LEVEL) / 2;

    /** The finding of the per-seed values {@code sample} on {@code hypothesis}, with its t interval at {@code level}. */
    public static Finding judge(String section, String claim, String reading, String statistic, String unit,
            Hypothesis hypothesis, PairedSample sample, double level) {
        Optional<MeanInterval> value = sample.interval(level);
        Verdict verdict = value.map(hypothesis::judge).orElse(Verdict.NOT_RESOLVED);
        return new Finding(section, claim, reading, statistic, unit, hypothesis, sample.seeds().size(), value, verdict, verdict,
                Optional.empty());
    }

    /**
     * {@code findings}, one study's family, with their verdicts corrected by {@link Holm}'s procedure at
     * {@link #ALPHA}: each finding with an interval enters with the smaller of its p-values for and against the claim
     * ({@link Hypothesis#pSupported}, {@link Hypothesis#pContradicted}); a rejected one keeps its verdict, the others
     * become not resolved. Findings without an interval (too few seeds, not applicable) are no part of the family.
     */
    public static List<Finding> corrected(List<Finding> findings) {
        boolean[] rejected = Holm.rejected(findings, f -> f.value().isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(f.hypothesis().pSupported(f.value().get()),
                        f.hypothesis().pContradicted(f.value().get()))), ALPHA);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.add(f.value().isEmpty() || rejected[i] ? f : new Finding(f.section, f.claim, f.reading, f.statistic, f.unit,
                    f.hypothesis, f.seeds, f.value, Verdict.NOT_RESOLVED, f.unadjusted, f.reason));
        }
        return out;
    }

    /** The finding of a claim whose statistic the runs cannot give, for {@code reason}. */
    public static Finding notApplicable(String section, String claim, String reading, String statistic, String unit,
            Hypothesis hypothesis, String reason) {
        return new Finding(section, claim, reading, statistic, unit, hypothesis, 0, Optional.empty(), Verdict.NOT_APPLICABLE,
                Verdict.NOT_APPLICABLE, Optional.of(reason));
    }

    /** The verdict in words, with the number of seeds where it is not resolved. */
    public String verdictText() {
        return verdict.text(seeds) + reason.map(r -> " (" + r + ")").orElse("")
                + (verdict != unadjusted ? " (" + unadjusted.text(seeds) + " before Holm's correction)" : "");
    }
}
