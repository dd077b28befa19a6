package org.convergence4j.writeups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.statistics.MeanInterval;
import org.junit.jupiter.api.Test;

/**
 * The grouped verdicts name the number of seeds once when every claim has the same, and per claim when they differ
 * (Part 4 judges Part 1's 3-seed claims beside the 10-seed ones of Parts 2–3).
 */
class VerdictsTest {

    /** An unresolved finding on {@code n} seeds: its interval (−0.1, +0.1) pp straddles the bound 0. */
    private static Finding unresolved(String claim, int n) {
        Hypothesis above0 = Hypothesis.above(0);
        MeanInterval value = new MeanInterval(n, 0, -0.001, 0.001, 0.95);
        return new Finding("2.3", claim, "difference", "pp", above0, n, Optional.of(value), above0.judge(value),
                above0.judge(value), Optional.empty());
    }

    @Test
    void oneSeedCountIsNamedInTheHeading() {
        List<String> lines = new Verdicts(List.of(unresolved("A", 10), unresolved("B", 10))).grouped();

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("**Not resolved at n = 10** (2): "), lines.get(0));
        assertFalse(lines.get(0).contains(", n = 10)"), lines.get(0));
    }

    @Test
    void differentSeedCountsAreNamedPerClaim() {
        String line = new Verdicts(List.of(unresolved("A", 3), unresolved("B", 10))).grouped().get(0);

        assertTrue(line.startsWith("**Not resolved** (2): "), line);
        assertTrue(line.contains("A (2.3, ") && line.contains(", n = 3); B (2.3, ") && line.endsWith(", n = 10)."), line);
    }
}
