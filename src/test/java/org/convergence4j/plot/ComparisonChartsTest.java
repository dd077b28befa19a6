package org.convergence4j.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.convergence4j.report.Comparison;
import org.convergence4j.report.FakeSummary;
import org.convergence4j.report.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonChartsTest {

    @Test
    void compareResultsHasTwoPanelsAndSkipsVariantsWithoutFinishedSeeds(@TempDir Path dir) throws IOException {
        FakeSummary fake = FakeSummary.standard().variant("RMSNorm", 3, new double[] {0.99}, 0.02, 1);
        fake.json().getAsJsonObject("variants").getAsJsonObject("RMSNorm").addProperty("beyond_seminar", true);
        Comparison c = Comparison.of(RunSummary.read(fake.writeTo(dir.resolve("summary.json"))));
        Path file = dir.resolve("compare_results.png");
        CompareResultsChart.save(file, "MNIST", c.variants());
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > image.getHeight(), "two panels side by side");
    }

    @Test
    void compareResultsNeedsAFinishedSeed(@TempDir Path dir) {
        FakeSummary fake = FakeSummary.standard();
        for (String v : List.of("Baseline", "Dropout", "DropConnect", "BatchNorm", "LayerNorm")) {
            fake.without(v);
        }
        fake.variant("Baseline", 2, new double[] {0.99}, 0.02, 1);
        Comparison c = Comparison.of(RunSummary.read(fake.writeTo(dir.resolve("summary.json"))));
        assertThrows(IllegalArgumentException.class, () -> CompareResultsChart.save(dir.resolve("x.png"), "MNIST", c.variants()));
    }

    @Test
    void layerStdHasOnePanelPerVariant(@TempDir Path dir) throws IOException {
        RunSummary s = RunSummary.read(FakeSummary.standard().writeTo(dir.resolve("summary.json")));
        Path file = dir.resolve("layer_std.png");
        LayerStdChart.save(file, s.layerStats());
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 2 * image.getHeight(), "three panels side by side");
        assertThrows(IllegalArgumentException.class, () -> LayerStdChart.save(file, Map.of()));
    }
}
