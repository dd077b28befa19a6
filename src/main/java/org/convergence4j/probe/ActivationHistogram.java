package org.convergence4j.probe;

import java.util.List;
import java.util.stream.DoubleStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The distribution of one layer's activation values over a batch, as in Glorot and Bengio (2010,
 * figures 6–7): {@code bins} equal-width bins over {@code [lower, upper]}, each holding the fraction
 * of all {@code N × width} values that fall in it (values outside the range count in the end bins).
 *
 * @param layer 1-based dense layer whose output this is
 * @param lower left edge of the first bin
 * @param upper right edge of the last bin
 * @param fractions fraction of the values per bin; they sum to 1
 * @param saturated fraction of values with {@code |a| > saturation}, e.g. tanh units beyond 0.9
 */
public record ActivationHistogram(int layer, double lower, double upper, List<Double> fractions, double saturated) {

    /** Copies the list. */
    public ActivationHistogram {
        fractions = List.copyOf(fractions);
    }

    /**
     * Bins {@code values}.
     *
     * @throws IllegalArgumentException if {@code bins < 1}, the range is empty or there are no values
     */
    public static ActivationHistogram of(int layer, INDArray values, int bins, double lower, double upper,
            double saturation) {
        if (bins < 1 || !(upper > lower) || values.isEmpty()) {
            throw new IllegalArgumentException("need ≥ 1 bin, lower < upper and some values; got " + bins
                    + " bins over [" + lower + ", " + upper + "] and " + values.length() + " values");
        }
        double[] v = values.ravel().toDoubleVector();
        double[] counts = new double[bins];
        double width = (upper - lower) / bins;
        int beyond = 0;
        for (double x : v) {
            int bin = (int) Math.floor((x - lower) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
            if (Math.abs(x) > saturation) {
                beyond++;
            }
        }
        List<Double> fractions = DoubleStream.of(counts).map(c -> c / v.length).boxed().toList();
        return new ActivationHistogram(layer, lower, upper, fractions, (double) beyond / v.length);
    }

    /** The centre of every bin, in activation units. */
    public double[] binCentres() {
        double width = (upper - lower) / fractions.size();
        return DoubleStream.iterate(lower + width / 2, c -> c + width).limit(fractions.size()).toArray();
    }
}
