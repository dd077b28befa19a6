package org.convergence4j.probe;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The precision at which figures computed afresh from float32 networks are kept, so that a regeneration on another
 * CPU writes the same files.
 *
 * <p>float32 has a 24-bit significand (unit roundoff u = 2⁻²⁴ ≈ 6·10⁻⁸). Native builds for different instruction
 * sets (AVX2, AVX-512) sum in different orders, so each dense layer's output can differ by about √(fan-in)·u
 * relative, and the differences add up through the layers: for the deepest net of Part 1 (33 layers, fan-in up to
 * 784) the bound is about 33·√784·u ≈ 6·10⁻⁵ relative, i.e. from the 5th significant digit on. Differences seen
 * between an Intel and an AMD machine were far smaller (10th digit), but only the bound holds on every CPU; so
 * these figures keep {@value #SIGNIFICANT_DIGITS} significant digits. A value whose 5th digit lies within that
 * difference of a rounding boundary can still round differently (for the observed differences, a chance of about
 * 10⁻⁵ per figure).
 *
 * <p>Stored training runs are not rounded: their figures are read back from their records, not recomputed.
 */
public final class Float32Figures {

    /** Significant digits that every CPU computes alike (see the class comment). */
    public static final int SIGNIFICANT_DIGITS = 4;

    private static final MathContext CONTEXT = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    private Float32Figures() {
    }

    /** {@code x} rounded to {@value #SIGNIFICANT_DIGITS} significant digits; NaN and ±∞ unchanged. */
    public static double round(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        return new BigDecimal(x).round(CONTEXT).doubleValue();
    }
}
