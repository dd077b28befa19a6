package org.convergence4j.probe;

/**
 * Mean and sample standard deviation of a statistic over repetitions (initialization seeds).
 *
 * @param mean {@code x̄ = Σxᵢ/k}
 * @param sd {@code √(Σ(xᵢ − x̄)²/(k − 1))}
 */
public record MeanSd(double mean, double sd) {

    /**
     * @throws IllegalArgumentException if there are fewer than two values
     */
    public static MeanSd of(double... values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a spread over repetitions needs at least 2 values, got " + values.length);
        }
        // Deviations from the first value (the shifted-data algorithm): exact zero spread for equal values.
        double shift = values[0];
        double sum = 0;
        double sumSquares = 0;
        for (double v : values) {
            sum += v - shift;
            sumSquares += (v - shift) * (v - shift);
        }
        int k = values.length;
        double ss = Math.max(0, sumSquares - sum * sum / k);
        return new MeanSd(shift + sum / k, Math.sqrt(ss / (k - 1)));
    }
}
