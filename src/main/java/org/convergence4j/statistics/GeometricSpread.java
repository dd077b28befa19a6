package org.convergence4j.statistics;

import java.util.OptionalDouble;

/**
 * The geometric mean and geometric standard deviation of positive values over repetitions (seeds): the spread of
 * quantities that vary by factors rather than by amounts, such as the std of a deep net's activations, which is
 * roughly log-normal over initialization seeds,
 * <pre>
 *   mean = exp(m),   factor = exp(s),   m and s the mean and sample sd of ln xᵢ,
 * </pre>
 * so that about two thirds of the values lie within mean ×/÷ factor. A value of 0 (a signal that died out) has no
 * logarithm: the mean is then 0 and there is no factor.
 *
 * @param n number of values, at least 1
 * @param mean the geometric mean, or 0 when a value is 0
 * @param factor the geometric sd, ≥ 1; empty when {@code n = 1} or a value is 0
 */
public record GeometricSpread(int n, double mean, OptionalDouble factor) {

    /**
     * The geometric spread of {@code values}.
     *
     * @throws IllegalArgumentException if there are no values, or one is negative or not a number
     */
    public static GeometricSpread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a statistic over seeds needs at least 1 value, got none");
        }
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0)) {
                throw new IllegalArgumentException("a geometric spread needs values ≥ 0, got " + values[i]);
            }
            if (values[i] == 0) {
                return new GeometricSpread(values.length, 0, OptionalDouble.empty());
            }
            logs[i] = Math.log(values[i]);
        }
        Spread spread = Spread.of(logs);
        return new GeometricSpread(spread.n(), Math.exp(spread.mean()), spread.sd().isPresent()
                ? OptionalDouble.of(Math.exp(spread.sdValue())) : OptionalDouble.empty());
    }

    /** The factor, which a spread over two or more positive values has. @throws java.util.NoSuchElementException otherwise */
    public double factorValue() {
        return factor.orElseThrow();
    }
}
