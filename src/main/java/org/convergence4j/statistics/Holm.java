package org.convergence4j.statistics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Holm's step-down procedure (Holm 1979): of m hypotheses with p-values p₁ … p_m, sorted p₍₁₎ ≤ … ≤ p₍ₘ₎, reject
 * H₍ₖ₎ for k = 1, 2, … as long as p₍ₖ₎ ≤ α / (m − k + 1), and stop at the first that is not. The probability of
 * rejecting any true hypothesis of the family is at most α whatever their dependence, and it rejects at least what
 * Bonferroni's α/m rejects.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * Which of {@code items} are rejected at family-wise level {@code alpha}, aligned with {@code items}: the family
     * is the items that have a p-value; an item without one (no interval to test) is in no family and not rejected.
     */
    public static <T> boolean[] rejected(List<T> items, Function<T, OptionalDouble> p, double alpha) {
        List<Integer> tested = IntStream.range(0, items.size()).filter(i -> p.apply(items.get(i)).isPresent()).boxed()
                .toList();
        boolean[] family = rejected(tested.stream().mapToDouble(i -> p.apply(items.get(i)).getAsDouble()).toArray(),
                alpha);
        boolean[] rejected = new boolean[items.size()];
        for (int k = 0; k < tested.size(); k++) {
            rejected[tested.get(k)] = family[k];
        }
        return rejected;
    }

    /**
     * Which hypotheses are rejected at family-wise level {@code alpha}.
     *
     * @param p the p-values, each in [0, 1]
     * @throws IllegalArgumentException naming the value if a p-value is not in [0, 1] or alpha is not in (0, 1)
     */
    public static boolean[] rejected(double[] p, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("a p-value must be in [0, 1], got " + v + " in " + Arrays.toString(p));
            }
        }
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i]))
                .toArray(Integer[]::new);
        boolean[] rejected = new boolean[m];
        for (int k = 0; k < m; k++) {
            if (p[order[k]] > alpha / (m - k)) {
                break;
            }
            rejected[order[k]] = true;
        }
        return rejected;
    }
}
