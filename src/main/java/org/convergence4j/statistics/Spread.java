package org.convergence4j.statistics;

import java.util.OptionalDouble;

/**
 * Mean and sample standard deviation of a statistic over repetitions (seeds).
 *
 * @param n number of values, at least 1
 * @param mean {@code x̄ = Σxᵢ/n}
 * @param sd {@code s = √(Σ(xᵢ − x̄)²/(n − 1))}; empty when {@code n = 1}, where a spread is undefined
 */
public record Spread(int n, double mean, OptionalDouble sd) {

    /**
     * The spread of {@code values}. Deviations are taken from the first value (the shifted-data algorithm), so
     * equal values give exactly zero spread.
     *
     * @throws IllegalArgumentException if there are no values
     */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a statistic over seeds needs at least 1 value, got none");
        }
        double shift = values[0];
        double sum = 0;
        double sumSquares = 0;
        for (double v : values) {
            sum += v - shift;
            sumSquares += (v - shift) * (v - shift);
        }
        int k = values.length;
        if (k == 1) {
            return new Spread(1, shift, OptionalDouble.empty());
        }
        double ss = Math.max(0, sumSquares - sum * sum / k);
        return new Spread(k, shift + sum / k, OptionalDouble.of(Math.sqrt(ss / (k - 1))));
    }

    /** The sd, which a spread over two or more values has. @throws java.util.NoSuchElementException if n = 1 */
    public double sdValue() {
        return sd.orElseThrow();
    }
}
