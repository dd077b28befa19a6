package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeometricSpreadTest {

    /** 1, 4 and 16: ln values 0, ln 4, ln 16, mean ln 4, sample sd ln 4; so mean 4 and factor 4. */
    @Test
    void theMeanAndFactorAreThoseOfTheLogarithms() {
        GeometricSpread s = GeometricSpread.of(1, 4, 16);
        assertEquals(3, s.n());
        assertEquals(4, s.mean(), 1e-12);
        assertEquals(4, s.factorValue(), 1e-12);
    }

    @Test
    void aValueOfZeroHasNoLogarithm() {
        GeometricSpread s = GeometricSpread.of(0.5, 0, 2);
        assertEquals(0, s.mean());
        assertTrue(s.factor().isEmpty());
        assertTrue(GeometricSpread.of(3).factor().isEmpty(), "one value has no spread");
        assertThrows(IllegalArgumentException.class, () -> GeometricSpread.of(1, -1));
        assertThrows(IllegalArgumentException.class, () -> GeometricSpread.of(1, Double.NaN));
    }
}
