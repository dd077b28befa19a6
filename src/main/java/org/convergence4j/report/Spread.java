package org.convergence4j.report;

import java.util.OptionalDouble;
import org.convergence4j.probe.MeanSd;

/**
 * Mean and sample standard deviation of one statistic over the finished seeds of a variant.
 *
 * @param n number of seeds, at least 1
 * @param mean {@code x̄ = Σxᵢ/n}
 * @param sd {@code s = √(Σ(xᵢ − x̄)²/(n − 1))}; empty when {@code n = 1}, where a spread is undefined
 */
public record Spread(int n, double mean, OptionalDouble sd) {

    /**
     * The spread of {@code values}, one per seed.
     *
     * @throws IllegalArgumentException if there are no values
     */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a statistic over seeds needs at least 1 finished seed, got none");
        }
        if (values.length == 1) {
            return new Spread(1, values[0], OptionalDouble.empty());
        }
        MeanSd m = MeanSd.of(values);
        return new Spread(values.length, m.mean(), OptionalDouble.of(m.sd()));
    }
}
