package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.junit.jupiter.api.Test;

/**
 * The sweep on fake runs (4 epochs, end-point = final − 13/12·gap, see {@link FakeRuns}) whose finals are chosen per
 * seed, so that the best point and the paired differences are known.
 */
class SweepTest {

    private static final Variant BASELINE = Variants.BASELINE.defaults();
    private static final double GAP = 0.012;

    private static List<RunRecord> runs(Variant v, double... finals) {
        return FakeRuns.variant(v, finals, GAP, 4, 4, 4);
    }

    @Test
    void pointsAreSortedTheBestIsFoundAndComparedWithTheSeminarsValue() {
        Variant drop01 = Variants.DROPOUT.defaults().with("drop", 0.1);
        Variant drop03 = Variants.DROPOUT.defaults();
        Variant drop05 = Variants.DROPOUT.defaults().with("drop", 0.5);
        List<RunRecord> all = new ArrayList<>(runs(BASELINE, 0.980, 0.982, 0.981));
        all.addAll(runs(drop05, 0.983, 0.985, 0.984)); // +0.3 pp on every seed: the best
        all.addAll(runs(drop01, 0.979, 0.981, 0.980));
        all.addAll(runs(drop03, 0.981, 0.983, 0.982)); // +0.1 pp, the seminar's
        Sweep sweep = Sweep.of(List.of(BASELINE, drop05, drop01, drop03), BASELINE,
                new StudyRuns(FakeRuns.SEEDS, FakeRuns.SETTINGS, all), 0.95);

        assertEquals(1, sweep.series().size());
        Sweep.Series s = sweep.series().get(0);
        assertEquals("drop", s.parameter());
        assertEquals(List.of(0.1, 0.3, 0.5), s.points().stream().map(Sweep.Point::value).toList());
        assertEquals(drop05.key(), s.best().orElseThrow());
        assertTrue(s.point(drop03.key()).seminar() && !s.point(drop05.key()).seminar());
        assertEquals(0.003, s.point(drop05.key()).versusReference().orElseThrow().mean(), 1e-12);
        assertEquals(0.002, s.bestVersusSeminar().orElseThrow().mean(), 1e-12, "best − seminar's, paired");
        assertEquals((0.980 + 0.982 + 0.981) / 3 - 13.0 / 12 * GAP, sweep.referenceEndPoint().orElseThrow().mean(), 1e-12);
    }

    @Test
    void theSeminarsValueBeingTheBestHasNothingToCompare() {
        List<RunRecord> all = new ArrayList<>(runs(BASELINE, 0.980, 0.982, 0.981));
        all.addAll(runs(Variants.DROPCONNECT.defaults(), 0.983, 0.985, 0.984));
        all.addAll(runs(Variants.DROPCONNECT.defaults().with("keep", 0.5), 0.97, 0.971, 0.972));
        Sweep.Series s = Sweep.of(List.of(BASELINE, Variants.DROPCONNECT.defaults(),
                Variants.DROPCONNECT.defaults().with("keep", 0.5)), BASELINE,
                new StudyRuns(FakeRuns.SEEDS, FakeRuns.SETTINGS, all), 0.95).series().get(0);
        assertEquals(Variants.DROPCONNECT.defaults().key(), s.best().orElseThrow());
        assertFalse(s.bestVersusSeminar().isPresent());
    }

    @Test
    void aSweepVariesOneParameterPerKind() {
        Variant a = Variants.DROPOUT.defaults().with("drop", 0.1);
        Variant b = Variants.DROPOUT.defaults().with("width", 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sweep.of(List.of(BASELINE, a, b),
                BASELINE, new StudyRuns(FakeRuns.SEEDS, FakeRuns.SETTINGS, List.of()), 0.95));
        assertTrue(e.getMessage().contains("drop") && e.getMessage().contains("width"), e.getMessage());
    }
}
