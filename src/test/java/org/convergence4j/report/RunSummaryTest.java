package org.convergence4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {

    @Test
    void readsEverySection(@TempDir Path dir) {
        RunSummary s = RunSummary.read(FakeSummary.standard().writeTo(dir.resolve("summary.json")));

        assertEquals("mnist", s.dataset());
        assertEquals(FakeSummary.EPOCHS, s.configuration().epochs());
        assertEquals(List.of(1L, 2L, 3L), s.configuration().seeds());
        assertEquals(0.001, s.configuration().learningRate().orElseThrow());
        assertEquals("2", s.environment().get("cores"));
        assertEquals(List.of("Baseline", "Dropout", "DropConnect", "BatchNorm", "LayerNorm"), List.copyOf(s.variants().keySet()));
        RunSummary.VariantRuns dropConnect = s.variants().get("DropConnect");
        assertEquals(List.of(0, 1), dropConnect.finished());
        assertEquals(2, dropConnect.testAccuracy().get(2).size());
        assertEquals(50, s.dropConnectInference().orElseThrow().samples());
        assertEquals(37, s.batchDependence().get("BatchNorm").changedPredictions());
        assertEquals(List.of("dense 1", "dense 2", "output"), s.layerStats().get("LayerNorm").layers());
    }

    @Test
    void optionalSectionsMayBeAbsent(@TempDir Path dir) {
        FakeSummary fake = FakeSummary.standard().without("dropconnect_inference").without("batch_dependence")
                .without("layer_stats").without("environment");
        fake.json().getAsJsonObject("variants").getAsJsonObject("Baseline").remove("complete");
        RunSummary s = RunSummary.read(fake.writeTo(dir.resolve("summary.json")));

        assertTrue(s.dropConnectInference().isEmpty());
        assertTrue(s.batchDependence().isEmpty() && s.layerStats().isEmpty() && s.environment().isEmpty());
        assertEquals(List.of(0, 1, 2), s.variants().get("Baseline").finished(), "complete = trained all epochs");
    }

    @Test
    void aDivergedRunWithANanLossIsReadAndLeftOutOfTheStatistics(@TempDir Path dir) {
        RunSummary s = RunSummary.read(FakeSummary.standard().withDivergence().writeTo(dir.resolve("summary.json")));
        RunSummary.VariantRuns dropConnect = s.variants().get("DropConnect");
        assertTrue(Double.isNaN(dropConnect.testLoss().get(2).get(1)));
        assertEquals(List.of("DropConnect seed 3: loss NaN at epoch 2"), dropConnect.divergence());
        assertTrue(Double.isFinite(Comparison.of(s).variant("DropConnect").orElseThrow().finalTestLoss().orElseThrow().mean()));
    }

    @Test
    void aMissingFieldIsNamedWithTheFile(@TempDir Path dir) {
        FakeSummary fake = FakeSummary.standard();
        fake.json().getAsJsonObject("variants").getAsJsonObject("Dropout").remove("test_loss");
        Path file = fake.writeTo(dir.resolve("summary.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSummary.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("variants.Dropout.test_loss"),
                e.getMessage());
    }

    @Test
    void perEpochArraysMustAgreeWithTheAccuracies(@TempDir Path dir) {
        FakeSummary fake = FakeSummary.standard();
        fake.json().getAsJsonObject("variants").getAsJsonObject("BatchNorm").getAsJsonArray("test_loss")
                .get(1).getAsJsonArray().add(0.5);
        Path file = fake.writeTo(dir.resolve("summary.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSummary.read(file));
        assertTrue(e.getMessage().contains("variants.BatchNorm.test_loss[1] has 5 entries, expected 4"), e.getMessage());
    }

    @Test
    void notJsonOrMissingIsAClearError(@TempDir Path dir) {
        Path garbage = dir.resolve("garbage.json");
        AtomicFiles.writeString(garbage, "[1, 2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSummary.read(garbage));
        assertTrue(e.getMessage().startsWith(garbage.toString()), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> RunSummary.read(dir.resolve("absent.json")));
        assertFalse(dir.resolve("absent.json").toFile().exists());
    }
}
