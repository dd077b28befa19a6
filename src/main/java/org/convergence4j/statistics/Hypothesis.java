package org.convergence4j.statistics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * What a claim says about the true value θ of a statistic: θ lies in the open region (low, high), e.g.
 * θ &gt; 0 for "A is better than B" or |θ| &lt; m for "A and B differ little". A 95% interval of θ judges it
 * ({@link #judge}): the claim is supported when the whole interval lies in the region, contradicted when none of
 * it does, and not resolved when the interval straddles a boundary; more seeds narrow the interval until one of
 * the first two holds (unless θ sits on a boundary).
 *
 * @param low the region's lower end, or −∞
 * @param high the region's upper end, or +∞
 */
public record Hypothesis(double low, double high) {

    /** @throws IllegalArgumentException unless low &lt; high */
    public Hypothesis {
        if (!(low < high)) {
            throw new IllegalArgumentException("a hypothesis is a region low < θ < high, got " + low + " … " + high);
        }
    }

    /** θ &gt; {@code bound}. */
    public static Hypothesis above(double bound) {
        return new Hypothesis(bound, Double.POSITIVE_INFINITY);
    }

    /** θ &lt; {@code bound}. */
    public static Hypothesis below(double bound) {
        return new Hypothesis(Double.NEGATIVE_INFINITY, bound);
    }

    /** −margin &lt; θ &lt; margin: equivalence within the margin. @throws IllegalArgumentException unless margin &gt; 0 */
    public static Hypothesis within(double margin) {
        return new Hypothesis(-margin, margin);
    }

    /**
     * The one-sided p-value of the claim: of the test that rejects "θ is outside the region" (for a region with two
     * ends, the larger of the two one-sided tests, as in two one-sided tests for equivalence). With the t statistic
     * of {@code interval}'s mean, p &lt; (1 − level)/2 exactly when the interval lies in the region, i.e. when
     * {@link #judge} says supported.
     */
    public double pSupported(MeanInterval interval) {
        double p = 0;
        if (Double.isFinite(low)) {
            p = Math.max(p, 1 - cumulative(interval, low));
        }
        if (Double.isFinite(high)) {
            p = Math.max(p, cumulative(interval, high));
        }
        return p;
    }

    /**
     * The one-sided p-value against the claim: of the test that rejects "θ is inside the region" in favour of the
     * nearer side outside it (the smaller over a region's two ends). p &lt; (1 − level)/2 exactly when the interval
     * lies outside the region, i.e. when {@link #judge} says contradicted.
     */
    public double pContradicted(MeanInterval interval) {
        double p = 1;
        if (Double.isFinite(low)) {
            p = Math.min(p, cumulative(interval, low));
        }
        if (Double.isFinite(high)) {
            p = Math.min(p, 1 - cumulative(interval, high));
        }
        return p;
    }

    /**
     * P(T ≤ (x̄ − b)/se) for the t distribution of the interval's n − 1 degrees of freedom, the standard error
     * se = half-width / t quantile recovered from the interval. A point interval (no spread) is a step at x̄.
     */
    private static double cumulative(MeanInterval interval, double b) {
        TDistribution t = new TDistribution(interval.n() - 1);
        double se = interval.halfWidth() / t.inverseCumulativeProbability((1 + interval.level()) / 2);
        if (se == 0) {
            return interval.mean() > b ? 1 : interval.mean() < b ? 0 : 0.5;
        }
        return t.cumulativeProbability((interval.mean() - b) / se);
    }

    /** The verdict of the interval on this claim. */
    public Verdict judge(MeanInterval interval) {
        if (interval.low() > low && interval.high() < high) {
            return Verdict.SUPPORTED;
        }
        if (interval.high() <= low || interval.low() >= high) {
            return Verdict.CONTRADICTED;
        }
        return Verdict.NOT_RESOLVED;
    }
}
