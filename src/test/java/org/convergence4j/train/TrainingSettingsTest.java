package org.convergence4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    @Test
    void theSeminarsSettings() {
        TrainingSettings s = TrainingSettings.seminar("mnist");
        assertEquals(new TrainingSettings("mnist", 20, 1e-3, 128, 0), s);
    }

    @Test
    void valuesOutOfRangeNameTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TrainingSettings("mnist", 0, 1e-3, 128, 0))
                .getMessage().contains("epochs must be ≥ 1, got 0"));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings("mnist", 1, 0, 128, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings("mnist", 1, 1e-3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings("mnist", 1, 1e-3, 128, -1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings(" ", 1, 1e-3, 128, 0));
    }
}
