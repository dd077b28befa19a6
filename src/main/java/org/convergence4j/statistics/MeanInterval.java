package org.convergence4j.statistics;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's t interval for the mean of n values, used for one quantity per seed: a paired difference between two
 * variants, a gap between two metrics of one run, or a gain between two epochs.
 * <pre>
 *   x̄ = Σxᵢ/n,   s = √(Σ(xᵢ − x̄)²/(n − 1)),   x̄ ± t_{(1+level)/2, n−1} · s/√n
 * </pre>
 * With the values paired by seed (dᵢ = aᵢ − bᵢ), this is the paired t interval: whatever the seed shares between
 * the two runs (here the trunk's initialization and the order of the batches) cancels in dᵢ, so s is the spread
 * of the difference, not of each variant.
 *
 * @param n the number of values, ≥ 2
 * @param mean x̄
 * @param low x̄ − t·s/√n
 * @param high x̄ + t·s/√n
 * @param level the coverage, e.g. 0.95
 */
public record MeanInterval(int n, double mean, double low, double high, double level) {

    /**
     * The interval of the mean of {@code values}, or empty for fewer than two values (no spread to estimate).
     * Values without spread give the point interval [x̄, x̄].
     *
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public static Optional<MeanInterval> of(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (values.length < 2) {
            return Optional.empty();
        }
        Spread spread = Spread.of(values);
        double t = new TDistribution(values.length - 1).inverseCumulativeProbability((1 + level) / 2);
        double halfWidth = t * spread.sdValue() / Math.sqrt(values.length);
        return Optional.of(new MeanInterval(values.length, spread.mean(), spread.mean() - halfWidth,
                spread.mean() + halfWidth, level));
    }

    /** {@code t·s/√n}, how far the interval reaches on either side of the mean. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** Whether 0 lies outside the interval. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
