package org.convergence4j.statistics;

/** What a 95% interval says of a claim ({@link Hypothesis#judge}). */
public enum Verdict {
    /** The whole interval lies in the claim's region. */
    SUPPORTED,
    /** No part of the interval lies in the claim's region. */
    CONTRADICTED,
    /** The interval straddles a boundary of the region: more seeds are needed. */
    NOT_RESOLVED;

    /** {@code supported}, {@code contradicted} or {@code not resolved at n = 10}. */
    public String text(int n) {
        return switch (this) {
            case SUPPORTED -> "supported";
            case CONTRADICTED -> "contradicted";
            case NOT_RESOLVED -> "not resolved at n = " + n;
        };
    }
}
