package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingHistory;
import org.junit.jupiter.api.Test;

class LateSlopeTest {

    private static TrainingHistory curve(int epochs, IntToDoubleFunction accuracy) {
        List<EpochMetrics> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            history.add(new EpochMetrics(e, 0.1, 0.1, 0.9, accuracy.applyAsDouble(e), 1));
        }
        return new TrainingHistory(history, false);
    }

    /** Least squares recovers a line exactly; only the last ten epochs count, so an early rise does not. */
    @Test
    void aLineOverTheLastEpochsHasItsSlope() {
        TrainingHistory history = curve(20, e -> e <= 10 ? 0.5 + 0.04 * e : 0.97 + 0.0004 * e);
        assertEquals(0.0004, LateSlope.of(history).orElseThrow(), 1e-15);
        assertEquals("epochs 11–20", LateSlope.epochs(20));
    }

    /**
     * Alternating ±δ around a flat line over ten epochs: Σ(e − ē)·(±δ) = δ·(−4.5 + 3.5 − 2.5 + … ) = 5δ over
     * Σ(e − ē)² = 82.5, a slope of δ/16.5 that shrinks with the noise, not the 0 of a perfect plateau.
     */
    @Test
    void jitterAroundAPlateauGivesASmallSlopeOfKnownSize() {
        double delta = 0.002;
        TrainingHistory history = curve(20, e -> 0.98 + (e % 2 == 0 ? delta : -delta));
        assertEquals(delta * 5 / 82.5, LateSlope.of(history).orElseThrow(), 1e-15);
    }

    @Test
    void shortRunsHaveNoSlopeAndFewerThanTenEpochsUseThemAll() {
        assertTrue(LateSlope.of(curve(2, e -> 0.9)).isEmpty());
        assertEquals(0.01, LateSlope.of(curve(4, e -> 0.9 + 0.01 * e)).orElseThrow(), 1e-15);
        assertEquals("all 4 epochs", LateSlope.epochs(4));
    }
}
