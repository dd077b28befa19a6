package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.data.Mnist;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.models.ConvolutionEngine;
import org.convergence4j.models.Head;
import org.convergence4j.models.Heads;
import org.convergence4j.report.SummaryJson;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.ExperimentSettings;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume and concurrency of the runs, on a small slice of MNIST (1 epoch of 512 examples). */
class VariantRunsTest {

    private static final ExperimentSettings TINY = new ExperimentSettings("mnist", 1, 1e-3, 64, 512,
            ConvolutionEngine.available());
    private static final List<Head> HEADS = List.of(Heads.BASELINE, Heads.DROPOUT);
    private static final List<Long> SEEDS = List.of(1L, 2L);

    @TempDir
    Path dir;

    private static VariantRuns runs(Path results, int jobs, StopSignal stop, ByteArrayOutputStream log,
            Consumer<RunRecord> onStored) {
        Mnist mnist = MnistFixture.mnist();
        ImageDataset train = mnist.train().head(TINY.trainExamples());
        ImageDataset test = mnist.test().head(256);
        return new VariantRuns(train, test, TINY, results, false, false, jobs, stop,
                new PrintStream(log, true, StandardCharsets.UTF_8), onStored);
    }

    private static List<List<Double>> metrics(List<RunRecord> runs) {
        List<List<Double>> out = new ArrayList<>();
        for (RunRecord r : runs) {
            for (EpochMetrics m : r.history().epochs()) {
                out.add(List.of((double) r.seed(), m.trainLoss(), m.testLoss(), m.trainAccuracy(), m.testAccuracy()));
            }
        }
        return out;
    }

    /** The summary without what legitimately differs between two runs of the same work: times and date. */
    private static String summaryWithoutTimes(Path file, List<RunRecord> runs) throws IOException {
        SummaryJson.write(file, TINY, false, SEEDS, HEADS, runs);
        return Files.readString(file).replaceAll("(?s)\"seconds\": \\[.*?\\]\\s*\\],", "")
                .replaceAll("\"date\": \"[^\"]*\"", "");
    }

    @Test
    void anInterruptedRunAllResumesWithoutRetrainingAndEndsAsAnUninterruptedOne() throws IOException {
        List<RunRecord> uninterrupted = runs(dir.resolve("a"), 1, new StopSignal(), new ByteArrayOutputStream(),
                r -> { }).run(HEADS, SEEDS);

        StopSignal stop = new StopSignal();
        List<RunRecord> first = runs(dir.resolve("b"), 1, stop, new ByteArrayOutputStream(), r -> stop.request())
                .run(HEADS, SEEDS);
        assertEquals(1, first.size(), "the stop after the first stored run must leave the others undone");
        Path firstCsv = dir.resolve("b/part2-dropout/runs/baseline-seed1.csv");
        FileTime stored = Files.getLastModifiedTime(firstCsv);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<RunRecord> resumed = runs(dir.resolve("b"), 1, new StopSignal(), log, r -> { }).run(HEADS, SEEDS);

        assertTrue(log.toString(StandardCharsets.UTF_8).contains("Baseline seed 1: reusing the stored run"));
        assertEquals(stored, Files.getLastModifiedTime(firstCsv), "the finished run must not be retrained");
        assertEquals(summaryWithoutTimes(dir.resolve("sa.json"), uninterrupted),
                summaryWithoutTimes(dir.resolve("sb.json"), resumed));
    }

    @Test
    void concurrentRunsGiveTheHistoriesOfSequentialRuns() {
        List<RunRecord> sequential = runs(dir.resolve("seq"), 1, new StopSignal(), new ByteArrayOutputStream(),
                r -> { }).run(HEADS, SEEDS);
        List<RunRecord> concurrent = runs(dir.resolve("par"), 2, new StopSignal(), new ByteArrayOutputStream(),
                r -> { }).run(HEADS, SEEDS);

        assertEquals(metrics(sequential), metrics(concurrent));
    }
}
