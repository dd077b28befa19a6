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
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new MeanSd(mean, Math.sqrt(ss / (values.length - 1)));
    }
}
