package org.convergence4j.statistics;

/** What a 95% interval says of a claim ({@link Hypothesis#judge}). */
public enum Verdict {
    /** The whole interval lies in the claim's region. */
    SUPPORTED,
    /** No part of the interval lies in the claim's region. */
    CONTRADICTED,
    /** The interval straddles a boundary of the region: more seeds are needed. */
    NOT_RESOLVED,
    /** The runs lack what the statistic needs (an epoch after the second, in a 2-epoch run): nothing is judged. */
    NOT_APPLICABLE;

    /** {@code supported}, {@code contradicted}, {@code not resolved at n = 10} or {@code not applicable}. */
    public String text(int n) {
        return switch (this) {
            case SUPPORTED -> "supported";
            case CONTRADICTED -> "contradicted";
            case NOT_RESOLVED -> "not resolved at n = " + n;
            case NOT_APPLICABLE -> "not applicable";
        };
    }
}
