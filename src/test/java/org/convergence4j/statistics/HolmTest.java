package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HolmTest {

    /**
     * p = (0.01, 0.04, 0.03, 0.005) at α = 0.05, m = 4. Sorted: 0.005 ≤ 0.05/4 = 0.0125 rejects; 0.01 ≤ 0.05/3 =
     * 0.0167 rejects; 0.03 > 0.05/2 = 0.025 stops, so 0.03 and 0.04 stand. With 0.03 → 0.02: 0.02 ≤ 0.025 rejects
     * and then 0.04 ≤ 0.05/1 rejects too, all four, while Bonferroni's 0.05/4 would still reject only two.
     */
    @Test
    void handComputedFamilies() {
        assertArrayEquals(new boolean[] {true, false, false, true}, Holm.rejected(new double[] {0.01, 0.04, 0.03, 0.005}, 0.05));
        assertArrayEquals(new boolean[] {true, true, true, true}, Holm.rejected(new double[] {0.01, 0.04, 0.02, 0.005}, 0.05));
        assertArrayEquals(new boolean[] {true}, Holm.rejected(new double[] {0.05}, 0.05), "one test: its own level");
        assertArrayEquals(new boolean[] {}, Holm.rejected(new double[] {}, 0.05));
    }

    @Test
    void badValuesAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Holm.rejected(new double[] {0.5, Double.NaN}, 0.05));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Holm.rejected(new double[] {0.5}, 0));
    }

    /**
     * The p-values agree with the interval rule: for random intervals and regions, p for the claim is below the
     * one-sided level exactly when the 95% interval lies in the region, and p against it exactly when the interval
     * lies outside.
     */
    @Test
    void pValuesAgreeWithTheIntervalVerdict() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            double[] values = new double[2 + random.nextInt(9)];
            double centre = random.nextGaussian();
            for (int k = 0; k < values.length; k++) {
                values[k] = centre + 0.5 * random.nextGaussian();
            }
            MeanInterval interval = MeanInterval.of(values, 0.95).orElseThrow();
            for (Hypothesis h : List.of(Hypothesis.above(0), Hypothesis.below(0.3), Hypothesis.within(0.4))) {
                Verdict v = h.judge(interval);
                assertEquals(v == Verdict.SUPPORTED, h.pSupported(interval) < Finding.ALPHA, h + " " + interval);
                assertEquals(v == Verdict.CONTRADICTED, h.pContradicted(interval) < Finding.ALPHA, h + " " + interval);
            }
        }
    }

    /** A family of one keeps its verdict; a family of findings each barely resolved loses all but the strongest. */
    @Test
    void correctedFindingsKeepTheStrongestOfAWeakFamily() {
        Hypothesis above = Hypothesis.above(0);
        Finding strong = finding("strong", above, 1.0, 1.1, 0.9, 1.05);
        Finding weak = finding("weak", above, 0.30, 0.08, 0.25, 0.15);
        Finding weakToo = finding("weak too", above, 0.30, 0.08, 0.25, 0.15);
        double pWeak = above.pSupported(weak.value().orElseThrow());
        assertTrue(pWeak < Finding.ALPHA && pWeak > Finding.ALPHA / 2, "p " + pWeak + " passes alone, not at half");

        assertEquals(List.of(weak), Finding.corrected(List.of(weak)), "a family of one keeps its verdict");
        List<Finding> family = Finding.corrected(List.of(strong, weak, weakToo));
        assertEquals(Verdict.SUPPORTED, family.get(0).verdict());
        assertEquals(Verdict.NOT_RESOLVED, family.get(1).verdict());
        assertEquals(Verdict.SUPPORTED, family.get(1).unadjusted());
        assertTrue(family.get(1).verdictText().contains("supported before Holm's correction"), family.get(1).verdictText());
    }

    /** A finding of the paired differences {@code d} over seeds 1, 2, …. */
    private static Finding finding(String claim, Hypothesis h, double... d) {
        Map<Long, Double> first = new java.util.TreeMap<>();
        Map<Long, Double> zero = new java.util.TreeMap<>();
        for (int k = 0; k < d.length; k++) {
            first.put(k + 1L, d[k]);
            zero.put(k + 1L, 0.0);
        }
        return Finding.judge("x", claim, "r", "d", "pp", h, PairedSample.of(first, zero), 0.95);
    }
}
