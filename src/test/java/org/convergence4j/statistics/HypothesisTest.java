package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict logic on constructed intervals: clearly better, clearly equivalent, unresolved, contradicted. */
class HypothesisTest {

    private static MeanInterval interval(double low, double high) {
        return new MeanInterval(10, (low + high) / 2, low, high, 0.95);
    }

    @Test
    void aDirectionalClaimNeedsTheWholeIntervalOnItsSide() {
        Hypothesis better = Hypothesis.above(0);
        assertEquals(Verdict.SUPPORTED, better.judge(interval(0.05, 0.40)), "clearly better");
        assertEquals(Verdict.NOT_RESOLVED, better.judge(interval(-0.05, 0.40)), "straddles 0");
        assertEquals(Verdict.CONTRADICTED, better.judge(interval(-0.40, -0.05)), "clearly worse");
        assertEquals(Verdict.SUPPORTED, Hypothesis.below(0).judge(interval(-0.40, -0.05)));
        assertEquals(Verdict.CONTRADICTED, better.judge(interval(0, 0)), "the region is open: a point on 0 is not in it");
        assertEquals(Verdict.NOT_RESOLVED, better.judge(interval(0, 0.1)), "an interval touching 0 is not wholly above it");
    }

    @Test
    void equivalenceNeedsTheWholeIntervalInsideTheMargin() {
        Hypothesis equivalent = Hypothesis.within(0.15);
        assertEquals(Verdict.SUPPORTED, equivalent.judge(interval(-0.10, 0.12)), "clearly equivalent");
        assertEquals(Verdict.NOT_RESOLVED, equivalent.judge(interval(-0.10, 0.30)), "too wide to tell");
        assertEquals(Verdict.CONTRADICTED, equivalent.judge(interval(0.20, 0.50)), "differs by more than the margin");
        assertEquals(Verdict.CONTRADICTED, equivalent.judge(interval(-0.50, -0.15)), "a boundary is outside");
    }

    @Test
    void aFindingWithoutAnIntervalIsNotResolvedAndSaysN() {
        Finding one = Finding.judge("2.3", "claim", "reading", "statistic", "pp", Hypothesis.above(0),
                PairedSample.of(Map.of(1L, 1.0), Map.of(1L, 0.5)), 0.95);
        assertEquals(Verdict.NOT_RESOLVED, one.verdict());
        assertEquals("not resolved at n = 1", one.verdictText(), "one common seed, no interval");
        Finding two = Finding.judge("2.3", "claim", "reading", "statistic", "pp", Hypothesis.above(0),
                PairedSample.of(Map.of(1L, 1.0, 2L, 1.2), Map.of(1L, 0.5, 2L, 0.6)), 0.95);
        assertEquals(2, two.seeds());
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.within(0));
    }
}
