package org.convergence4j.statistics;

import java.util.Collection;
import java.util.List;

/** What a 95% interval says of a claim ({@link Hypothesis#judge}). */
public enum Verdict {
    /** The whole interval lies in the claim's region. */
    SUPPORTED,
    /** No part of the interval lies in the claim's region. */
    CONTRADICTED,
    /** Of a claim's readings (or a sentence's claims), some are supported and others contradicted. */
    DEPENDS_ON_READING,
    /** The interval straddles a boundary of the region: more seeds are needed. */
    NOT_RESOLVED,
    /** The runs lack what the statistic needs (an epoch after the second, in a 2-epoch run): nothing is judged. */
    NOT_APPLICABLE;

    /**
     * The verdict of several readings together: not applicable ones are left out; supported when all the others are
     * supported, contradicted when all are contradicted, {@link #DEPENDS_ON_READING} when some are supported and some
     * contradicted (a reading that itself depends counts as both), not resolved otherwise; not applicable when none
     * is left.
     */
    public static Verdict combine(Collection<Verdict> verdicts) {
        List<Verdict> judged = verdicts.stream().filter(v -> v != NOT_APPLICABLE).toList();
        if (judged.isEmpty()) {
            return NOT_APPLICABLE;
        }
        boolean supported = judged.stream().anyMatch(v -> v == SUPPORTED || v == DEPENDS_ON_READING);
        boolean contradicted = judged.stream().anyMatch(v -> v == CONTRADICTED || v == DEPENDS_ON_READING);
        if (supported && contradicted) {
            return DEPENDS_ON_READING;
        }
        if (judged.stream().allMatch(v -> v == SUPPORTED)) {
            return SUPPORTED;
        }
        return judged.stream().allMatch(v -> v == CONTRADICTED) ? CONTRADICTED : NOT_RESOLVED;
    }

    /**
     * {@code supported}, {@code contradicted}, {@code depends on the reading}, {@code not resolved at n = 10} or
     * {@code not applicable}.
     */
    public String text(int n) {
        return switch (this) {
            case SUPPORTED -> "supported";
            case CONTRADICTED -> "contradicted";
            case DEPENDS_ON_READING -> "depends on the reading";
            case NOT_RESOLVED -> "not resolved at n = " + n;
            case NOT_APPLICABLE -> "not applicable";
        };
    }
}
