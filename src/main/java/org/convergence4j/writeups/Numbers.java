package org.convergence4j.writeups;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the write-ups print numbers: one method per kind of number, so that every number in the
 * text is its JSON value formatted by one of these (which is what the notebook test checks).
 * Decimal point, no grouping, ASCII minus.
 */
public final class Numbers {

    private Numbers() {
    }

    /** An accuracy (a fraction) in percent with 2 decimals: 0.98765 → {@code 98.77}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    /** A difference of accuracies in percentage points with sign: 0.0015 → {@code +0.15}. */
    public static String points(double fraction) {
        return String.format(Locale.ROOT, "%+.2f", 100 * fraction);
    }

    /**
     * A value of a {@link org.convergence4j.statistics.Finding} in its unit, with sign: percentage points with 2
     * decimals ({@code +0.15}), anything else to 3 significant digits ({@code -0.0312}).
     */
    public static String signed(double value, String unit) {
        return unit.equals("pp") ? String.format(Locale.ROOT, "%+.2f", value) : String.format(Locale.ROOT, "%+.3g", value);
    }

    /** A small difference of accuracies in percentage points with sign and three decimals: 0.00036 → {@code +0.036}. */
    public static String finePoints(double fraction) {
        return String.format(Locale.ROOT, "%+.3f", 100 * fraction);
    }

    /** A fraction in whole percent: 0.95 → {@code 95}. */
    public static String wholePercent(double fraction) {
        return String.format(Locale.ROOT, "%.0f", 100 * fraction);
    }

    /** A loss in nats with 4 decimals. */
    public static String loss(double nats) {
        return String.format(Locale.ROOT, "%.4f", nats);
    }

    /** A standard deviation, or any positive scale, to 3 significant digits: {@code 0.982}, {@code 1.14e-05}. */
    public static String std(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** One decimal: degrees of freedom, mean epochs. */
    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Rounded to a whole number: seconds. */
    public static String rounded(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** A setting as written, without trailing zeros: 0.001, 128. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
