package org.convergence4j.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeanSdTest {

    @Test
    void sampleMeanAndBesselCorrectedSd() {
        MeanSd m = MeanSd.of(1, 2, 3, 6);
        assertEquals(3.0, m.mean());
        assertEquals(Math.sqrt((4 + 1 + 0 + 9) / 3.0), m.sd(), 1e-15);
    }

    @Test
    void equalValuesHaveExactlyZeroSpread() {
        double v = 0.9951260497256145;
        assertEquals(new MeanSd(v, 0.0), MeanSd.of(v, v, v, v, v, v, v, v, v, v));
    }

    @Test
    void needsTwoValues() {
        assertThrows(IllegalArgumentException.class, () -> MeanSd.of(1.0));
    }
}
