package org.convergence4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.convergence4j.models.ConvolutionEngine;
import org.junit.jupiter.api.Test;

class ExperimentSettingsTest {

    @Test
    void recordsTheEngineThisProcessComputesWith() {
        assertEquals(ConvolutionEngine.available(), ExperimentSettings.seminar("mnist", 20, 60_000).engine());
    }

    /** A run stored under an engine that did not compute it would be reused by the wrong runs later. */
    @Test
    void refusesAnEngineThisProcessDoesNotUse() {
        ConvolutionEngine other = ConvolutionEngine.available() == ConvolutionEngine.ONEDNN
                ? ConvolutionEngine.BUILT_IN : ConvolutionEngine.ONEDNN;

        assertThrows(IllegalArgumentException.class,
                () -> new ExperimentSettings("mnist", 20, 1e-3, 128, 60_000, other));
    }
}
