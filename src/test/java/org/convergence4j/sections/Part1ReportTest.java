package org.convergence4j.sections;

import org.convergence4j.persistence.Json;
import org.convergence4j.claims.Judgement;
import org.convergence4j.study.InitializationReport;
import org.convergence4j.probe.NetSummary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.persistence.InitStudyFile;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.train.StopSignal;
import org.convergence4j.probe.ConfigurationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class Part1ReportTest {

    @Test
    void writesEveryTableFigureAndTheSummary(@TempDir Path dir) throws IOException {
        ResultsLayout layout = ResultsLayout.of(dir.resolve("results"));
        InitializationReport report = Part1Report.run(syntheticBatch(100, 784), layout, "part1-initialization", 2,
                new StopSignal()).orElseThrow();
        Path out = layout.study("part1-initialization");

        assertEquals(Arrays.stream(InitConfiguration.values()).map(InitConfiguration::key).toList(),
                report.nets().stream().map(NetSummary::key).toList());
        assertEquals(report.judgement(), Json.read(layout.verdicts("part1-initialization"), Judgement.class),
                "the verdict at initialization is written as computed");
        for (InitConfiguration c : InitConfiguration.values()) {
            List<String> csv = Files.readAllLines(out.resolve("std_per_layer_" + c.key() + ".csv"));
            assertEquals(1 + c.mlp().depth(), csv.size(), c.key());
        }
        InitStudyFile summary = InitStudyFile.read(layout.initSummary("part1-initialization"));
        assertEquals(Arrays.stream(InitConfiguration.values()).map(InitConfiguration::key).toList(),
                summary.configurations().stream().map(NetSummary::key).toList());
        for (String png : List.of("std_vs_depth_wide.png", "std_vs_depth_deep.png", "activation_histograms_tanh.png")) {
            assertNotNull(ImageIO.read(out.resolve(png).toFile()), png);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void rejectsABatchThatIsNotFlattenedMnist(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Part1Report.run(syntheticBatch(100, 28), ResultsLayout.of(dir), "part1", 10, new StopSignal()));
        assertTrue(e.getMessage().contains("[100, 28]"), e.getMessage());
    }

    /** N(0, 1) features, like normalized pixels in scale; labels cycle through the 10 classes. */
    private static DataSet syntheticBatch(int n, int width) {
        Nd4j.getRandom().setSeed(17);
        var labels = Nd4j.zeros(DataType.FLOAT, n, 10);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, i % 10, 1.0);
        }
        return new DataSet(Nd4j.randn(DataType.FLOAT, n, width), labels);
    }
}
