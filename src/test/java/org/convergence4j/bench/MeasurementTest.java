package org.convergence4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    private static Measurement dl4j(double stepSeconds, double evalSeconds, double peak) {
        return new Measurement("dl4j", "baseline", 100, stepSeconds, evalSeconds, stepSeconds / 2, evalSeconds / 2,
                peak, "nd4j-native");
    }

    @Test
    void anEpochIsFourHundredSixtyNineStepsAndOneEvaluation() {
        Measurement m = dl4j(0.1, 3, 800);

        assertEquals(469 * 0.1 + 3, m.epochSeconds(), 1e-12);
        assertEquals(469 * 0.05 + 1.5, m.cpuEpochSeconds(), 1e-12);
        assertEquals(10, m.stepsPerSecond(), 1e-12);
    }

    @Test
    void jsonRoundTrips() {
        Measurement m = dl4j(0.0123, 0.5, 812.25);

        assertEquals(m, Measurement.fromJson(m.toJson()));
    }

    @Test
    void readsTheReferenceScriptsLineAndDescribesItsSetup() {
        String line = "{\"framework\": \"pytorch\", \"variant\": \"layernorm\", \"warmup\": 20, \"steps\": 100, "
                + "\"step_seconds\": 0.006, \"steps_per_second\": 166.7, \"eval_seconds\": 0.2, "
                + "\"epoch_seconds\": 3.014, \"cpu_step_seconds\": 0.005, \"cpu_eval_seconds\": 0.19, "
                + "\"peak_rss_mb\": 468.5, \"threads\": 1, \"torch\": \"1.13.0a0\", \"mkldnn\": true, "
                + "\"blas\": [\"/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3\"], \"env\": {}}";

        Measurement m = Measurement.fromJson(line);

        assertEquals("pytorch", m.framework());
        assertEquals("layernorm", m.variant());
        assertEquals(0.006, m.stepSeconds());
        assertEquals(0.19, m.cpuEvalSeconds());
        assertEquals(468.5, m.peakRssMb());
        assertTrue(m.setup().contains("torch 1.13.0a0") && m.setup().contains("openblas-pthread"), m.setup());
    }

    @Test
    void medianTakesTheMiddleTimesAndTheLargestPeak() {
        Measurement m = Measurement.median(List.of(dl4j(0.3, 5, 700), dl4j(0.1, 4, 900), dl4j(0.2, 6, 800)));

        assertEquals(0.2, m.stepSeconds());
        assertEquals(5, m.evalSeconds());
        assertEquals(0.1, m.cpuStepSeconds());
        assertEquals(900, m.peakRssMb());
    }

    @Test
    void medianOfAnEvenCountAveragesTheMiddlePair() {
        assertEquals(0.15, Measurement.median(List.of(dl4j(0.1, 1, 1), dl4j(0.2, 1, 1))).stepSeconds(), 1e-12);
    }

    @Test
    void medianRefusesToMixVariantsOrNothing() {
        Measurement other = new Measurement("dl4j", "dropout", 100, 0.1, 1, 0.1, 1, 1, "");

        assertThrows(IllegalArgumentException.class, () -> Measurement.median(List.of(dl4j(0.1, 1, 1), other)));
        assertThrows(IllegalArgumentException.class, () -> Measurement.median(List.of()));
    }

    @Test
    void malformedLinesAreRejectedWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Measurement.fromJson("{\"framework\": \"dl4j\"}"));
        assertTrue(e.getMessage().contains("{\"framework\": \"dl4j\"}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Measurement.fromJson("not json"));
    }
}
