package org.convergence4j.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ActivationHistogramTest {

    @Test
    void binsValuesAndCountsSaturation() {
        var values = Nd4j.createFromArray(new double[][] {{-1.0, -0.95, 0.0}, {0.5, 0.95, 1.0}});
        ActivationHistogram h = ActivationHistogram.of(3, values, 4, -1, 1, 0.9);
        // bins [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]; the right edge belongs to the last bin
        assertEquals(List.of(2 / 6.0, 0.0, 1 / 6.0, 3 / 6.0), h.fractions());
        assertEquals(4 / 6.0, h.saturated());
        assertArrayEquals(new double[] {-0.75, -0.25, 0.25, 0.75}, h.binCentres(), 1e-12);
        assertEquals(3, h.layer());
    }

    @Test
    void rejectsEmptyRangesAndBins() {
        var values = Nd4j.createFromArray(0.1, 0.2);
        assertThrows(IllegalArgumentException.class, () -> ActivationHistogram.of(1, values, 0, -1, 1, 0.9));
        assertThrows(IllegalArgumentException.class, () -> ActivationHistogram.of(1, values, 4, 1, 1, 0.9));
    }
}
