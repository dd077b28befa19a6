package org.convergence4j.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.junit.jupiter.api.Test;

class TrainingEstimateTest {

    private static final Variant LAYERNORM = Variants.LAYERNORM.defaults();

    private static List<RunRecord> stored() {
        return FakeRuns.variant(LAYERNORM, new double[] {0.99, 0.98}, 0.01, FakeRuns.EPOCHS, FakeRuns.EPOCHS);
    }

    private static double meanEpochSeconds(List<RunRecord> runs) {
        return runs.stream().flatMap(r -> r.history().epochs().stream()).mapToDouble(EpochMetrics::seconds).average()
                .orElseThrow();
    }

    /** Four runs of a timed kind, two at a time: two rounds of (epochs × the mean stored epoch). */
    @Test
    void theEstimateIsTheStoredEpochTimeTimesTheEpochsOverTheRunsAtOnce() {
        List<RunRecord> stored = stored();
        List<RunSpec> toTrain = List.of(1, 2, 3, 4).stream()
                .map(k -> new RunSpec(LAYERNORM, 10 + k, stored.get(0).settings())).toList();
        double expected = 4 * FakeRuns.EPOCHS * meanEpochSeconds(stored) / 2;

        String estimate = TrainingEstimate.of(toTrain, stored, 2, "Some CPU");

        assertTrue(estimate.startsWith("about " + TrainingEstimate.duration(expected) + " at the epoch times stored "
                + "for LayerNorm on other machines"), estimate);
    }

    @Test
    void anUntimedKindTakesTheMeanOfTheTimedOnesAndNothingTimedSaysSo() {
        List<RunRecord> stored = stored();
        RunSpec rms = new RunSpec(Variants.RMSNORM.defaults(), 1, stored.get(0).settings());
        RunSpec layerNorm = new RunSpec(LAYERNORM, 3, stored.get(0).settings());

        String both = TrainingEstimate.of(List.of(rms, layerNorm), stored, 1, "Some CPU");
        assertTrue(both.contains("about " + TrainingEstimate.duration(2 * FakeRuns.EPOCHS * meanEpochSeconds(stored)))
                && both.contains("RMSNorm timed as their mean"), both);
        assertTrue(TrainingEstimate.of(List.of(rms), stored, 1, "Some CPU").startsWith("no epoch of these kinds"));
        RunSpec quick = new RunSpec(LAYERNORM, 3, stored.get(0).settings().withTrainSubset(1000));
        assertTrue(TrainingEstimate.of(List.of(quick), stored, 1, "Some CPU").startsWith("no epoch"),
                "another training subset is another epoch");
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("40 s", TrainingEstimate.duration(40));
        assertEquals("18 min", TrainingEstimate.duration(18 * 60 + 10));
        assertEquals("3 h 20 min", TrainingEstimate.duration(3 * 3600 + 20 * 60));
    }
}
