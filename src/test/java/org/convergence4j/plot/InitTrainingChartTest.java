package org.convergence4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.convergence4j.statistics.InitTraining;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitTrainingChartTest {

    private static final Study STUDY = Studies.PART1_TRAINING;

    private static BufferedImage draw(Path file, List<RunRecord> runs) throws IOException {
        InitTrainingChart.save(file, InitTraining.of(STUDY.variants(), STUDY.seeds(), STUDY.training(), runs));
        return ImageIO.read(file.toFile());
    }

    /** Two architectures × two optimizers: a 2 × 2 grid; with Adam alone, one row of the same panels. */
    @Test
    void onePanelPerArchitectureAndOptimizer(@TempDir Path dir) throws IOException {
        BufferedImage both = draw(dir.resolve("both.png"), FakeRuns.initTraining());
        BufferedImage adam = draw(dir.resolve("adam.png"), FakeRuns.initTraining().stream()
                .filter(r -> r.variant().value("sgd") == 0).toList());
        assertEquals(2 * Charts.WIDTH, both.getWidth());
        assertEquals(both.getWidth(), adam.getWidth());
        assertEquals(2 * adam.getHeight(), both.getHeight());
    }

    @Test
    void aMissingPanelPutsOnePanelPerRow(@TempDir Path dir) throws IOException {
        BufferedImage partial = draw(dir.resolve("partial.png"), FakeRuns.initTraining().stream()
                .filter(r -> r.variant().value("sgd") == 0 || r.variant().key().startsWith("InitD")).toList());
        assertEquals(Charts.WIDTH, partial.getWidth(), "Adam on both architectures, SGD on one: three rows");
    }

    @Test
    void drawingNeedsAFinishedNet(@TempDir Path dir) {
        InitTraining none = InitTraining.of(STUDY.variants(), STUDY.seeds(), STUDY.training(), List.of());
        assertThrows(IllegalArgumentException.class, () -> InitTrainingChart.save(dir.resolve("x.png"), none));
    }
}
