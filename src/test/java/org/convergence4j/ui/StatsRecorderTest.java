package org.convergence4j.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.convergence4j.data.Mnist;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.study.Shard;
import org.convergence4j.study.StudyRunner;
import org.convergence4j.study.TrainingData;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.TrainingSettings;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs with DL4J's statistics recorded, against the same runs without; and the statistics file's life. */
class StatsRecorderTest {

    /** 12 iterations of 64 (one report at DL4J's default of every 10th), evaluated on 256 test examples. */
    private static final TrainingSettings TINY = new TrainingSettings("mnist", 1, 1e-3, 64, 768);

    @TempDir
    Path dir;

    private static TrainingData data() {
        Mnist mnist = MnistFixture.mnist();
        return new TrainingData(mnist.train(), mnist.test().head(256));
    }

    private static List<RunSpec> twoRuns() {
        return List.of(new RunSpec(Variants.BASELINE.defaults(), 1, TINY), new RunSpec(Variants.DROPOUT.defaults(), 1, TINY));
    }

    private static List<RunRecord> train(Path results, StudyRunner.RunListeners listeners) throws IOException {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        StudyRunner runner = new StudyRunner(ResultsLayout.of(results), List.of(), false, false, 2, new StopSignal(),
                quiet, listeners);
        return runner.run(runner.plan(twoRuns(), Shard.ALL), Optional.of(data()), r -> { }).runs();
    }

    private static List<List<Double>> metrics(List<RunRecord> runs) {
        List<List<Double>> out = new ArrayList<>();
        for (RunRecord r : runs) {
            for (EpochMetrics m : r.history().epochs()) {
                out.add(List.of(m.trainLoss(), m.testLoss(), m.trainAccuracy(), m.testAccuracy()));
            }
        }
        return out;
    }

    @Test
    void runsWithTheUiGiveTheHistoriesOfRunsWithoutItEachInASessionNamedByItsLabel() throws IOException {
        List<RunRecord> without = train(dir.resolve("without"), StudyRunner.RunListeners.NONE);
        List<RunRecord> with;
        List<String> sessions;
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (TrainingUi ui = TrainingUi.open(java.util.OptionalInt.of(0), java.util.Optional.empty(),
                StatsRecorder.DEFAULT_EVERY, quiet)) {
            with = train(dir.resolve("with"), ui);
            sessions = ui.sessions();
        }
        assertEquals(metrics(without), metrics(with));
        assertEquals(twoRuns().stream().map(RunSpec::label).sorted().toList(), sessions.stream().sorted().toList());
    }

    @Test
    void aStatsFileServesItsRunsAfterTraining() throws IOException {
        Path file = dir.resolve("stats/runs.dl4j");
        try (StatsRecorder recorder = StatsRecorder.toFile(file, StatsRecorder.DEFAULT_EVERY)) {
            train(dir.resolve("results"), recorder);
        }
        try (StatsFiles files = StatsFiles.open(List.of(file))) {
            assertEquals(twoRuns().stream().map(RunSpec::label).sorted().toList(),
                    List.copyOf(files.sessions().keySet()));
            var storage = files.storages().get(0);
            for (RunSpec spec : twoRuns()) {
                assertEquals(List.of(spec.configuration().substring(0, StatsRecorder.CONFIGURATION_DIGITS)),
                        storage.listWorkerIDsForSessionAndType(spec.label(), StatsListener.TYPE_ID));
                assertEquals(1, storage.getAllUpdatesAfter(spec.label(), StatsListener.TYPE_ID, 0).size(),
                        "12 iterations, a report every 10th");
            }
        }
    }

    @Test
    void anExistingStatsFileIsRefusedAndAnUnusedOneLeftUnwritten() throws IOException {
        Path existing = Files.writeString(dir.resolve("old.dl4j"), "earlier runs");
        assertThrows(FileAlreadyExistsException.class, () -> StatsRecorder.toFile(existing, 10));
        assertEquals("earlier runs", Files.readString(existing));

        Path unused = dir.resolve("unused.dl4j");
        StatsRecorder.toFile(unused, 10).close();
        try (var left = Files.list(dir)) {
            assertEquals(List.of(existing), left.toList(), "no run trained: no file");
        }
    }

    @Test
    void aFileStillBeingWrittenIsRefusedAsInUse() throws IOException {
        Path file = dir.resolve("open.dl4j");
        try (StatsRecorder writing = StatsRecorder.toFile(file, 10)) {
            writing.forRun(new RunSpec(Variants.BASELINE.defaults(), 1, TINY));
            IOException e = assertThrows(IOException.class, () -> StatsFiles.open(List.of(file)));
            assertTrue(e.getMessage().contains(file + " is in use by another process"), e.getMessage());
        }
    }

    @Test
    void filesThatCannotBeServedAreRefusedNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.dl4j");
        IOException e = assertThrows(IOException.class, () -> StatsFiles.open(List.of(missing)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

        Path text = Files.writeString(dir.resolve("notes.txt"), "not a statistics file\n".repeat(100));
        e = assertThrows(IOException.class, () -> StatsFiles.open(List.of(text)));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        assertEquals("not a statistics file\n".repeat(100), Files.readString(text), "a refused file is left as it was");

        Path a = dir.resolve("a.dl4j");
        Path b = dir.resolve("b.dl4j");
        for (Path f : List.of(a, b)) {
            try (StatsRecorder recorder = StatsRecorder.toFile(f, 10)) {
                FewIterations.train(recorder.forRun(new RunSpec(Variants.BASELINE.defaults(), 1, TINY)));
            }
        }
        e = assertThrows(IOException.class, () -> StatsFiles.open(List.of(a, b)));
        assertTrue(e.getMessage().contains("'Baseline seed 1' is in both " + a + " and " + b), e.getMessage());
        try (StatsFiles one = StatsFiles.open(List.of(b))) {
            assertEquals(Map.of("Baseline seed 1", b), one.sessions());
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(a, b, text).stream().sorted().toList(), left.sorted().toList(),
                    "nothing created for the missing file, no write-ahead log left beside the closed ones");
        }
    }
}
