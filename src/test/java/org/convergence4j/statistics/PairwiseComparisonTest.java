package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.convergence4j.statistics.PairwiseComparison.Verdict;
import org.junit.jupiter.api.Test;

class PairwiseComparisonTest {

    @Test
    void aBetterOrWorseVerdictOnlyWhenTheIntervalExcludesZero() {
        Spread high = Spread.of(0.990, 0.991, 0.992);
        Spread low = Spread.of(0.980, 0.981, 0.982);
        Spread overlapping = Spread.of(0.970, 0.990, 1.000);

        PairwiseComparison better = PairwiseComparison.of("A", high, "B", low, 0.95);
        assertEquals(Verdict.FIRST_BETTER, better.verdict());
        assertEquals("A better", better.verdictText());
        assertEquals(Verdict.SECOND_BETTER, PairwiseComparison.of("B", low, "A", high, 0.95).verdict());
        PairwiseComparison unclear = PairwiseComparison.of("A", high, "C", overlapping, 0.95);
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, unclear.verdict());
        assertEquals("no significant difference", unclear.verdictText());
    }

    @Test
    void saysWhyThereIsNoInterval() {
        PairwiseComparison oneSeed = PairwiseComparison.of("A", Spread.of(0.99), "B", Spread.of(0.98, 0.97), 0.95);
        assertEquals(Verdict.NO_INTERVAL, oneSeed.verdict());
        assertEquals("no interval: fewer than two finished seeds", oneSeed.verdictText());
        assertEquals(0.99 - 0.975, oneSeed.difference(), 1e-15);

        PairwiseComparison flat = PairwiseComparison.of("A", Spread.of(0.99, 0.99), "B", Spread.of(0.98, 0.98), 0.95);
        assertEquals("no interval: no spread over seeds in either variant", flat.verdictText());
    }
}
