package org.convergence4j.statistics;

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
