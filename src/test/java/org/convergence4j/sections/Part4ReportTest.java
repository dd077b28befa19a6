package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.convergence4j.report.Comparison;
import org.convergence4j.report.FakeSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Part4ReportTest {

    @Test
    void writesTablesAndBothFigures(@TempDir Path results) throws IOException {
        FakeSummary.standard().writeTo(results.resolve("summary.json"));
        Comparison comparison = Part4Report.run(results);

        Path dir = results.resolve(Part4Report.DIR);
        assertEquals(1 + comparison.variants().size(), Files.readAllLines(dir.resolve("comparison.csv")).size());
        assertEquals(1 + comparison.pairs().size(), Files.readAllLines(dir.resolve("pairwise.csv")).size());
        assertTrue(Files.exists(dir.resolve("comparison.json")));
        for (String png : List.of("compare_results.png", "layer_activation_std.png")) {
            assertNotNull(ImageIO.read(dir.resolve(png).toFile()), png);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void withoutLayerStatsOrFinishedRunsTheFiguresAreLeftOut(@TempDir Path results) throws IOException {
        FakeSummary fake = FakeSummary.standard().without("layer_stats");
        for (String v : List.of("Baseline", "Dropout", "DropConnect", "BatchNorm", "LayerNorm")) {
            fake.without(v);
        }
        fake.variant("Baseline", 2, new double[] {0.99}, 0.02, 1).writeTo(results.resolve("summary.json"));
        Part4Report.run(results);

        Path dir = results.resolve(Part4Report.DIR);
        assertTrue(Files.exists(dir.resolve("comparison.csv")));
        assertFalse(Files.exists(dir.resolve("compare_results.png")));
        assertFalse(Files.exists(dir.resolve("layer_activation_std.png")));
    }
}
