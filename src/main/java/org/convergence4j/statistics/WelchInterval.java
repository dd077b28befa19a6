package org.convergence4j.statistics;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence interval for the difference of two means from independent samples whose variances
 * may differ (Welch's t interval):
 * <pre>
 *   d  = x̄₁ − x̄₂,        v₁ = s₁²/n₁,   v₂ = s₂²/n₂,   se = √(v₁ + v₂)
 *   ν  = (v₁ + v₂)² / (v₁²/(n₁ − 1) + v₂²/(n₂ − 1))          (Welch–Satterthwaite)
 *   d ± t_{(1+level)/2, ν} · se
 * </pre>
 * with {@code s} the sample sd (n − 1) and {@code t_{q, ν}} the q-quantile of Student's t with ν
 * (generally non-integer) degrees of freedom.
 * <p>
 * Why Welch: the seeds of two variants are independent samples, not pairs. A seed fixes a run's
 * random draws (initialization, shuffling, masks), but different variants consume those draws
 * through different layers, so run k of one variant is no more related to run k of another than to
 * any other run; a paired interval would assume a coupling that is not there. And the variances
 * need not be equal, since a regularizer or a normalization changes how much a run depends on its
 * seed, so the pooled-variance interval's assumption is not made either. With equal sizes and
 * equal variances ν = 2(n − 1), the pooled interval's degrees of freedom.
 *
 * @param difference {@code d = x̄₁ − x̄₂}
 * @param low {@code d − t·se}
 * @param high {@code d + t·se}
 * @param df the Welch–Satterthwaite degrees of freedom ν
 * @param level the coverage, e.g. 0.95
 */
public record WelchInterval(double difference, double low, double high, double df, double level) {

    /**
     * The interval for {@code first.mean − second.mean}, or empty when it is undefined: a sample
     * of fewer than two seeds has no variance, and two samples without any spread give se = 0 and
     * an undefined ν.
     *
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public static Optional<WelchInterval> of(Spread first, Spread second, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (first.sd().isEmpty() || second.sd().isEmpty()) {
            return Optional.empty();
        }
        double v1 = square(first.sd().getAsDouble()) / first.n();
        double v2 = square(second.sd().getAsDouble()) / second.n();
        if (v1 + v2 == 0) {
            return Optional.empty();
        }
        double df = square(v1 + v2) / (square(v1) / (first.n() - 1) + square(v2) / (second.n() - 1));
        double halfWidth = new TDistribution(df).inverseCumulativeProbability((1 + level) / 2) * Math.sqrt(v1 + v2);
        double d = first.mean() - second.mean();
        return Optional.of(new WelchInterval(d, d - halfWidth, d + halfWidth, df, level));
    }

    /** Whether 0 lies outside the interval: only then do the two means differ at this level. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }

    private static double square(double x) {
        return x * x;
    }
}
