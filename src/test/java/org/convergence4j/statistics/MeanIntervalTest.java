package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The t interval and its paired use against hand computations with t quantiles from a printed table (3 decimals);
 * the tolerance is the table's rounding, 0.0005 · s/√n, plus double rounding.
 */
class MeanIntervalTest {

    private static final double TABLE_ROUNDING = 0.0005;

    @Test
    void fiveValuesUseFourDegreesOfFreedom() {
        // {1, 2, 3, 4, 5}: x̄ = 3, s² = 10/4, s/√n = √(2.5/5) = √0.5; t(0.975, 4) = 2.776.
        MeanInterval ci = MeanInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95).orElseThrow();
        double se = Math.sqrt(0.5);
        assertEquals(5, ci.n());
        assertEquals(3, ci.mean(), 1e-15);
        assertEquals(2.776 * se, ci.halfWidth(), TABLE_ROUNDING * se + 1e-12);
        assertEquals(3 - 2.776 * se, ci.low(), TABLE_ROUNDING * se + 1e-12);
        assertTrue(ci.excludesZero());
    }

    @Test
    void pairingCancelsWhatTheSeedsShare() {
        // Two variants move together from seed to seed (+0.5 pp, −0.4, +0.3, …) with a difference of 0.1 ± 0.01:
        // apart, each spreads over 0.9 pp and Welch sees no difference; paired, d = {0.09, 0.11, 0.10, 0.09, 0.11}.
        double[] shared = {0.5, -0.4, 0.3, -0.2, 0.1};
        double[] offsets = {0.09, 0.11, 0.10, 0.09, 0.11};
        Map<Long, Double> a = new java.util.HashMap<>();
        Map<Long, Double> b = new java.util.HashMap<>();
        for (int k = 0; k < 5; k++) {
            a.put((long) k + 1, 98 + shared[k] + offsets[k]);
            b.put((long) k + 1, 98 + shared[k]);
        }
        b.put(6L, 90.0); // a seed only one group has is left out
        PairedSample pairs = PairedSample.of(a, b);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), pairs.seeds());
        MeanInterval ci = pairs.interval(0.95).orElseThrow();
        // d̄ = 0.1, s² = (4 · 0.01²)/4 = 1e-4, s/√5 = 0.01/√5; t(0.975, 4) = 2.776.
        double se = 0.01 / Math.sqrt(5);
        assertEquals(0.1, ci.mean(), 1e-12);
        assertEquals(0.1 - 2.776 * se, ci.low(), TABLE_ROUNDING * se + 1e-12);
        assertTrue(ci.excludesZero(), "paired, the 0.1 difference is resolved");
        WelchInterval welch = WelchInterval.of(Spread.of(a.values().stream().mapToDouble(x -> x).toArray()),
                Spread.of(b.values().stream().filter(x -> x > 95).mapToDouble(x -> x).toArray()), 0.95).orElseThrow();
        assertFalse(welch.excludesZero(), "unpaired, the shared seed-to-seed spread hides it");
    }

    @Test
    void valuesWithoutSpreadGiveAPointAndOneValueGivesNone() {
        MeanInterval point = MeanInterval.of(new double[] {0.2, 0.2, 0.2}, 0.95).orElseThrow();
        assertEquals(0.2, point.low(), 0);
        assertEquals(0.2, point.high(), 0);
        assertTrue(MeanInterval.of(new double[] {0.2}, 0.95).isEmpty());
        assertTrue(PairedSample.of(Map.of(1L, 1.0), Map.of(2L, 1.0)).interval(0.95).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(new double[] {1, 2}, 1.0));
    }
}
