package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.convergence4j.statistics.PairwiseComparison.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The verdict of a pair from its paired interval, on end-points chosen so that the differences are known: t(0.975, 2)
 * = 4.303 from a printed table.
 */
class PairwiseComparisonTest {

    private static final double MARGIN = 0.0015;

    private static PairwiseComparison pair(Map<Long, Double> a, Map<Long, Double> b) {
        return PairwiseComparison.of("A", a, "B", b, 0.95, MARGIN);
    }

    @Test
    void betterWhenThePairedIntervalExcludesZero() {
        // d = {0.010, 0.011, 0.012}: d̄ = 0.011, s = 0.001, half-width 4.303·0.001/√3 = 0.00248.
        PairwiseComparison p = pair(Map.of(1L, 0.990, 2L, 0.991, 3L, 0.992), Map.of(1L, 0.980, 2L, 0.980, 3L, 0.980));
        assertEquals(Outcome.FIRST_BETTER, p.outcome());
        assertEquals("A better", p.verdictText());
        assertEquals(0.011, p.difference(), 1e-12);
        assertEquals(4.303 * 0.001 / Math.sqrt(3), p.paired().orElseThrow().halfWidth(), 0.0005 * 0.001 / Math.sqrt(3) + 1e-12);
        assertEquals(Outcome.SECOND_BETTER, PairwiseComparison.of("B", Map.of(1L, 0.980, 2L, 0.980, 3L, 0.980), "A",
                Map.of(1L, 0.990, 2L, 0.991, 3L, 0.992), 0.95, MARGIN).outcome());
    }

    @Test
    void equivalentWhenThePairedIntervalLiesInsideTheMargin() {
        // d = {−0.0002, 0, +0.0002}: d̄ = 0, s = 0.0002, half-width 4.303·0.0002/√3 = 0.0005 < 0.0015.
        PairwiseComparison p = pair(Map.of(1L, 0.9898, 2L, 0.9850, 3L, 0.9902), Map.of(1L, 0.9900, 2L, 0.9850, 3L, 0.9900));
        assertEquals(Outcome.EQUIVALENT, p.outcome());
        assertEquals("equivalent within ±0.15 pp", p.verdictText());
        assertTrue(p.welch().orElseThrow().high() - p.welch().orElseThrow().low() > 0.003,
                "unpaired, the seeds' shared spread (0.5 pp) makes Welch's interval wider than the margin");
    }

    @Test
    void notResolvedWhenTheIntervalReachesBeyondTheMargin() {
        // d = {−0.002, 0, +0.002}: half-width 4.303·0.002/√3 = 0.00497.
        PairwiseComparison p = pair(Map.of(1L, 0.988, 2L, 0.990, 3L, 0.992), Map.of(1L, 0.990, 2L, 0.990, 3L, 0.990));
        assertEquals(Outcome.NOT_RESOLVED, p.outcome());
        assertEquals("not resolved: ±0.50 pp at n = 3", p.verdictText());
    }

    @Test
    void pairsOnlyTheSeedsBothHave() {
        PairwiseComparison p = pair(Map.of(1L, 0.99, 2L, 0.98), Map.of(2L, 0.97, 3L, 0.96));
        assertEquals(Outcome.NO_INTERVAL, p.outcome());
        assertEquals("no interval: fewer than two seeds in common", p.verdictText());
        assertEquals(0.985 - 0.965, p.difference(), 1e-12, "without a paired interval, the difference of the means");
    }
}
