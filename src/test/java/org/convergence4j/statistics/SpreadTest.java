package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void sampleSdWithBesselsCorrection() {
        Spread s = Spread.of(0.97, 0.98, 0.99);
        assertEquals(3, s.n());
        assertEquals(0.98, s.mean(), 1e-15);
        assertEquals(0.01, s.sd().orElseThrow(), 1e-15);
    }

    @Test
    void oneSeedHasAMeanButNoSpread() {
        assertEquals(new Spread(1, 0.5, OptionalDouble.empty()), Spread.of(0.5));
    }

    @Test
    void noSeedsIsAnError() {
        assertThrows(IllegalArgumentException.class, Spread::of);
    }

    @Test
    void equalValuesHaveExactlyZeroSpread() {
        double v = 0.9951260497256145;
        assertEquals(new Spread(10, v, OptionalDouble.of(0.0)), Spread.of(v, v, v, v, v, v, v, v, v, v));
    }
}
