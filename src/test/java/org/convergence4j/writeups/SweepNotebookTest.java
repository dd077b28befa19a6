package org.convergence4j.writeups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.Sweep;
import org.junit.jupiter.api.Test;

/**
 * The sweep's conclusions on a constructed sweep: the best value by mean is not the one whose paired interval
 * excludes 0, so the conclusion must name the resolved values on their own rather than only judge the best.
 */
class SweepNotebookTest {

    private static final double MARGIN = 0.0015;

    private static Sweep.Point point(String variant, double value, double mean, double low, double high) {
        return new Sweep.Point(variant, value, false, Optional.of(new MeanInterval(5, 0.98 + mean, 0.97, 0.99, 0.95)),
                Optional.of(new MeanInterval(5, mean, low, high, 0.95)));
    }

    @Test
    void namesTheValuesResolvedAgainstTheReferenceBesideTheBest() {
        Sweep.Point wide = point("A(x=0.1)", 0.1, 0.0011, -0.0001, 0.0023);
        Sweep.Point narrow = point("A(x=0.2)", 0.2, 0.0010, 0.0003, 0.0018);
        Sweep.Point bad = point("A(x=0.7)", 0.7, -0.0086, -0.0102, -0.0069);
        Sweep sweep = new Sweep("Ref", Optional.of(new MeanInterval(5, 0.98, 0.97, 0.99, 0.95)),
                List.of(new Sweep.Series("A", "x", "", List.of(wide, narrow, bad), Optional.of(wide.variant()),
                        Optional.empty())), 0.95);

        List<String> lines = new SweepNotebook(sweep, MARGIN).conclusions();

        assertEquals(1, lines.size());
        String text = lines.get(0);
        assertTrue(text.contains("x = 0.1, "), text);
        assertTrue(text.contains("cannot be told apart from the Ref"), text);
        assertTrue(text.contains("Better than the Ref (paired interval excluding 0): x = 0.2 (+0.10 [+0.03, +0.18] pp)."),
                text);
        assertTrue(text.contains("Worse than the Ref (paired interval excluding 0): x = 0.7 (-0.86 [-1.02, -0.69] pp)."),
                text);
        assertFalse(text.contains("x = 0.1 (+"), "the unresolved best is not listed as better: " + text);
    }

    @Test
    void aResolvedBestIsJudgedOnceNotListedAgain() {
        Sweep.Point best = point("A(x=0.2)", 0.2, 0.0010, 0.0003, 0.0018);
        Sweep sweep = new Sweep("Ref", Optional.of(new MeanInterval(5, 0.98, 0.97, 0.99, 0.95)),
                List.of(new Sweep.Series("A", "x", "", List.of(best), Optional.of(best.variant()), Optional.empty())),
                0.95);

        String text = new SweepNotebook(sweep, MARGIN).conclusions().get(0);

        assertTrue(text.contains("It beats the Ref by +0.10 [+0.03, +0.18] pp (paired)."), text);
        assertFalse(text.contains("Better than the Ref"), text);
    }
}
