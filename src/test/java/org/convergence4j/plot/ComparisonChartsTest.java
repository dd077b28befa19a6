package org.convergence4j.plot;

import org.convergence4j.statistics.Analyses;
import org.convergence4j.data.Dataset;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.SummaryFile;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonChartsTest {

    private static final List<Variant> ALL = Variants.KINDS.stream().map(VariantKind::defaults).toList();

    @Test
    void compareResultsHasTwoPanelsAndSkipsVariantsWithoutFinishedSeeds(@TempDir Path dir) throws IOException {
        Comparison c = Comparison.of(ALL, 3, FakeRuns.EPOCHS, Dataset.MNIST.equivalenceMargin(), FakeRuns.plus(FakeRuns.standard(),
                FakeRuns.variant(Variants.RMSNORM.defaults(), new double[] {0.99}, 0.02, 1)));
        Path file = dir.resolve("compare_results.png");
        CompareResultsChart.save(file, "MNIST", c.variants());
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > image.getHeight(), "two panels side by side");
    }

    /** A sweep brings more variants than the palette has colours. */
    @Test
    void compareResultsTakesAnyNumberOfVariants(@TempDir Path dir) throws IOException {
        List<Variant> sweep = IntStream.range(1, 20).mapToObj(i -> Variants.DROPOUT.defaults().with("drop", i / 20.0))
                .toList();
        List<RunRecord> runs = new ArrayList<>();
        sweep.forEach(v -> runs.addAll(FakeRuns.variant(v, new double[] {0.98, 0.981}, 0.01, 4, 4)));
        Path file = dir.resolve("sweep.png");
        CompareResultsChart.save(file, "MNIST", Comparison.of(sweep, 2, FakeRuns.EPOCHS, Dataset.MNIST.equivalenceMargin(), runs).variants());
        assertTrue(ImageIO.read(file.toFile()).getWidth() > 0);
    }

    @Test
    void compareResultsNeedsAFinishedSeed(@TempDir Path dir) {
        Comparison c = Comparison.of(ALL, 3, FakeRuns.EPOCHS, Dataset.MNIST.equivalenceMargin(), FakeRuns.variant(Variants.BASELINE.defaults(), new double[] {0.99}, 0.02, 1));
        assertThrows(IllegalArgumentException.class, () -> CompareResultsChart.save(dir.resolve("x.png"), "MNIST", c.variants()));
    }

    @Test
    void layerStdHasOnePanelPerVariant(@TempDir Path dir) throws IOException {
        Map<String, Analyses.LayerStats> stats = new LinkedHashMap<>(Analyses.of(ALL, FakeRuns.standard()).layerStats());
        Path file = dir.resolve("layer_std.png");
        LayerStdChart.save(file, stats);
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 2 * image.getHeight(), "three panels side by side");
        assertThrows(IllegalArgumentException.class, () -> LayerStdChart.save(file, Map.of()));
    }
}
