package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Checks the interval against hand computations with t quantiles from a printed table (3 decimals),
 * on samples chosen so that the Welch–Satterthwaite ν comes out an integer. The tolerance is the
 * table's rounding, 0.0005 · se, plus double rounding.
 */
class WelchIntervalTest {

    /** Half a unit in the last place of a 3-decimal t table. */
    private static final double TABLE_ROUNDING = 0.0005;

    @Test
    void equalSizesAndVariancesGiveTwiceNMinusOneDegreesOfFreedom() {
        // s₁ = s₂ = 0.01, n = 3: v = 1e-4/3 each, ν = (2v)²/(2v²/2) = 4, se = √(2e-4/3).
        // t(0.975, 4) = 2.776.
        Spread first = Spread.of(0.97, 0.98, 0.99);
        Spread second = Spread.of(0.95, 0.96, 0.97);
        WelchInterval ci = WelchInterval.of(first, second, 0.95).orElseThrow();

        double se = Math.sqrt(2e-4 / 3);
        assertEquals(4.0, ci.df(), 1e-9);
        assertEquals(0.02, ci.difference(), 1e-15);
        assertEquals(0.02 - 2.776 * se, ci.low(), TABLE_ROUNDING * se + 1e-12);
        assertEquals(0.02 + 2.776 * se, ci.high(), TABLE_ROUNDING * se + 1e-12);
        assertFalse(ci.excludesZero(), "0.02 ± 0.0227 contains 0");
    }

    @Test
    void aSampleWithoutSpreadLeavesTheOthersDegreesOfFreedom() {
        // v₂ = 0: ν = v₁²/(v₁²/(n₁ − 1)) = n₁ − 1 = 4. s₁² = (1+0+1+4+4)e-4/4, se = s₁/√5.
        // t(0.975, 4) = 2.776.
        Spread first = Spread.of(0.97, 0.98, 0.99, 1.00, 0.96);
        Spread second = Spread.of(0.96, 0.96, 0.96);
        WelchInterval ci = WelchInterval.of(first, second, 0.95).orElseThrow();

        double se = Math.sqrt(10e-4 / 4 / 5);
        assertEquals(4.0, ci.df(), 1e-9);
        assertEquals(0.02 - 2.776 * se, ci.low(), TABLE_ROUNDING * se + 1e-12);
        assertEquals(0.02 + 2.776 * se, ci.high(), TABLE_ROUNDING * se + 1e-12);
        assertTrue(ci.excludesZero(), "0.02 ± 0.0196 lies above 0");
    }

    @Test
    void unequalSizesAndVariancesUseWelchSatterthwaite() {
        // {0, 2}: s₁² = 2, v₁ = 1. {−√6, 0, √6}: s₂² = 6, v₂ = 2.
        // ν = (1 + 2)²/(1²/1 + 2²/2) = 9/3 = 3; se = √3; t(0.975, 3) = 3.182.
        double r = Math.sqrt(6);
        WelchInterval ci = WelchInterval.of(Spread.of(0, 2), Spread.of(-r, 0, r), 0.95).orElseThrow();

        double se = Math.sqrt(3);
        assertEquals(3.0, ci.df(), 1e-9);
        assertEquals(1.0, ci.difference(), 1e-15);
        assertEquals(1 - 3.182 * se, ci.low(), TABLE_ROUNDING * se + 1e-12);
        assertEquals(1 + 3.182 * se, ci.high(), TABLE_ROUNDING * se + 1e-12);
    }

    @Test
    void noIntervalWithoutTwoSeedsOrWithoutAnySpread() {
        assertEquals(Optional.empty(), WelchInterval.of(Spread.of(0.99), Spread.of(0.97, 0.98), 0.95));
        assertEquals(Optional.empty(), WelchInterval.of(Spread.of(0.99, 0.99), Spread.of(0.97, 0.97), 0.95));
    }

    @Test
    void levelMustBeAProbability() {
        Spread s = Spread.of(1, 2);
        assertThrows(IllegalArgumentException.class, () -> WelchInterval.of(s, s, 95));
        assertThrows(IllegalArgumentException.class, () -> WelchInterval.of(s, s, 0));
    }
}
