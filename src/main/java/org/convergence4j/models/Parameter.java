package org.convergence4j.models;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One typed hyper-parameter of a {@link VariantKind}: its name on the command line, its meaning, the seminar's
 * default and the interval of allowed values.
 *
 * @param name the key in a variant's text, e.g. {@code drop} in {@code Dropout(drop=0.5)}; lower-case letters
 * @param meaning what the value is, for {@code --help} and error messages
 * @param integer whether only whole numbers are allowed (a width), else any real number in the interval
 * @param defaultValue the seminar's value
 * @param min the lower end of the allowed interval
 * @param minIncluded whether {@code min} itself is allowed
 * @param max the upper end of the allowed interval
 * @param maxIncluded whether {@code max} itself is allowed
 */
public record Parameter(String name, String meaning, boolean integer, double defaultValue, double min,
        boolean minIncluded, double max, boolean maxIncluded) {

    /**
     * @throws IllegalArgumentException if the name is not lower-case letters or the default is not allowed
     */
    public Parameter {
        Objects.requireNonNull(meaning, "meaning");
        if (name == null || !name.matches("[a-z]+")) {
            throw new IllegalArgumentException("a parameter name is lower-case letters, got '" + name + "'");
        }
        if (!allows(defaultValue, integer, min, minIncluded, max, maxIncluded)) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue + " is not in "
                    + interval(integer, min, minIncluded, max, maxIncluded));
        }
    }

    /** A probability p with {@code lo ≤ p ≤ hi}, each end excluded if its flag says so. */
    public static Parameter probability(String name, String meaning, double defaultValue, boolean zeroIncluded,
            boolean oneIncluded) {
        return new Parameter(name, meaning, false, defaultValue, 0, zeroIncluded, 1, oneIncluded);
    }

    /** A whole number in {@code [min, max]}. */
    public static Parameter count(String name, String meaning, int defaultValue, int min, int max) {
        return new Parameter(name, meaning, true, defaultValue, min, true, max, true);
    }

    /** Whether {@code value} is allowed. */
    public boolean allows(double value) {
        return allows(value, integer, min, minIncluded, max, maxIncluded);
    }

    /** The allowed values in interval notation, e.g. {@code [0, 1)} or {@code whole numbers in [1, 4096]}. */
    public String interval() {
        return interval(integer, min, minIncluded, max, maxIncluded);
    }

    /** {@code name=default}, e.g. {@code drop=0.3}. */
    public String withDefault() {
        return name + "=" + format(defaultValue);
    }

    /**
     * The value of {@code text}.
     *
     * @throws IllegalArgumentException saying what is expected if it is no number or not allowed
     */
    public double parse(String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + text + " is not a number; " + name + " is " + meaning
                    + ", " + interval());
        }
        if (!allows(value)) {
            throw new IllegalArgumentException(name + "=" + text + " is out of range; " + name + " is " + meaning
                    + ", " + interval());
        }
        return value;
    }

    /** A value as written in a variant's text: {@code 0.5}, {@code 256}; no trailing zeros, no exponent. */
    public static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean allows(double v, boolean integer, double min, boolean minIncluded, double max,
            boolean maxIncluded) {
        return Double.isFinite(v) && (!integer || v == Math.rint(v))
                && (minIncluded ? v >= min : v > min) && (maxIncluded ? v <= max : v < max);
    }

    private static String interval(boolean integer, double min, boolean minIncluded, double max, boolean maxIncluded) {
        String range = (minIncluded ? "[" : "(") + format(min) + ", " + format(max) + (maxIncluded ? "]" : ")");
        return (integer ? "a whole number in " : "a number in ") + range;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s, %s, default %s)", name, meaning, interval(), format(defaultValue));
    }
}
