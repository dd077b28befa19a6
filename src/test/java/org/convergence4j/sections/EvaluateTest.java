package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.backend.NativeBuild;
import org.convergence4j.data.DataDirectory;
import org.convergence4j.data.Mnist;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.AtomicFiles;
import org.convergence4j.persistence.Json;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.RunStore;
import org.convergence4j.study.Shard;
import org.convergence4j.study.StudyRunner;
import org.convergence4j.study.TrainingData;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluate command on a real stored run: one epoch of the Baseline on 512 MNIST examples, tested on the whole
 * test set in batches of 64 (not the command's default 128, so a command that ignored the record's batch size would
 * not reproduce its figures).
 */
class EvaluateTest {

    private static final TrainingSettings TINY = new TrainingSettings("mnist", 1, 1e-3, 64, 512);

    @TempDir
    static Path results;

    private static RunRecord run;
    private static Path record;
    private static Path zip;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainAndStoreOneRun() throws IOException {
        Mnist mnist = MnistFixture.mnist();
        ResultsLayout layout = ResultsLayout.of(results);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        StudyRunner runner = new StudyRunner(layout, List.of(), false, false, 1, new StopSignal(), quiet,
                StudyRunner.RunListeners.NONE);
        run = runner.run(runner.plan(List.of(new RunSpec(Variants.BASELINE.defaults(), 1, TINY)), Shard.ALL),
                Optional.of(new TrainingData(mnist.train(), mnist.test())), r -> { }).runs().get(0);
        RunStore store = new RunStore(layout.runs(), quiet);
        record = store.file(run.spec(), run.configuration());
        zip = store.networkFile(run.spec(), run.configuration());
    }

    private static CliRun evaluate(Path file) {
        return CliRun.of(new Evaluate(), "--data-dir", DataDirectory.resolve(null, System.getenv(), "mnist").toString(),
                file.toString());
    }

    /** The row of the printed table for {@code figure}, e.g. {@code test loss}, as its numbers. */
    private static List<String> row(String out, String figure) {
        String line = out.lines().filter(l -> l.startsWith(figure + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + figure + "' row in:\n" + out));
        return List.of(line.substring(figure.length()).trim().split("\\s+"));
    }

    private static String eight(double x) {
        return String.format(Locale.ROOT, "%.8f", x);
    }

    /** Same engine, build and CPU, same operations in the same order: the record's figures come back exactly. */
    private static void assertReproduced(CliRun r) {
        assertEquals(0, r.code(), r.err());
        EpochMetrics last = run.history().last();
        assertEquals(List.of(eight(last.testAccuracy()), eight(last.testAccuracy()), "0"), row(r.out(), "test accuracy"),
                r.out());
        assertEquals(List.of(eight(last.testLoss()), eight(last.testLoss()), "0"), row(r.out(), "test loss"), r.out());
        assertTrue(r.out().contains("agree exactly"), r.out());
        assertTrue(r.out().contains("SHA-256 verified"), r.out());
        assertTrue(r.out().contains("10000 test images in batches of 64"), r.out());
    }

    @Test
    void aRecordReproducesItsFinalTestFigures() {
        assertReproduced(evaluate(record));
    }

    @Test
    void itsNetworkBesideItIsEvaluatedThroughTheRecord() {
        assertReproduced(evaluate(zip));
    }

    @Test
    void aNetworkWithoutItsRecordIsEvaluatedButSaidToBeUnverified() throws IOException {
        Path alone = Files.copy(zip, dir.resolve(zip.getFileName()));
        CliRun r = evaluate(alone);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SHA-256 of " + alone + " could not be verified"), r.out());
        assertTrue(r.out().contains("batches of " + Evaluate.UNRECORDED_BATCH), r.out());
        double accuracy = Double.parseDouble(row(r.out(), "test accuracy").get(0));
        assertTrue(accuracy >= 0 && accuracy <= 1, r.out());
    }

    @Test
    void filesThatAreNoRunAreUsageErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("baseline-0123456789-seed1.json");
        evaluate(missing).assertUsageError(missing + ": no such file; give a run record");
        Path text = Files.writeString(dir.resolve("notes.json"), "these are notes\n");
        evaluate(text).assertUsageError(text + " is not a run record: " + text + " is not valid JSON");
        Path other = Files.writeString(dir.resolve("notes.txt"), "these are notes\n");
        evaluate(other).assertUsageError(other + " is neither a run record (.json) nor a trained network (.zip)");
        Path summary = Files.writeString(dir.resolve("summary.json"), "{\"variants\": {}}\n");
        evaluate(summary).assertUsageError(summary + " is not a run record");
    }

    @Test
    void aRecordWithoutItsNetworkIsAUsageError() throws IOException {
        Path copied = Files.copy(record, dir.resolve(record.getFileName()));
        Path absent = dir.resolve(zip.getFileName());
        evaluate(copied).assertUsageError(absent + " is missing");

        ObjectNode tree = (ObjectNode) Json.tree(run);
        tree.putNull("network");
        AtomicFiles.writeString(copied, tree.toPrettyString());
        evaluate(copied).assertUsageError(copied + " names no trained network");
    }

    @Test
    void aTruncatedOrAlteredNetworkIsAUsageError() throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path copiedRecord = Files.copy(record, runs.resolve(record.getFileName()));
        Path copiedZip = runs.resolve(zip.getFileName());

        Files.write(copiedZip, Arrays.copyOf(bytes, bytes.length / 2));
        evaluate(copiedRecord).assertUsageError(copiedZip + " is not the network its record names (SHA-256 differs)");
        Path alone = dir.resolve(zip.getFileName());
        Files.write(alone, Arrays.copyOf(bytes, bytes.length / 2));
        evaluate(alone).assertUsageError(alone + " is not a network DL4J can read");

        byte[] altered = bytes.clone();
        altered[altered.length / 2] ^= 1;
        Files.write(copiedZip, altered);
        evaluate(copiedZip).assertUsageError(copiedZip + " is not the network its record names (SHA-256 differs)");
    }

    @Test
    void aRecordUnderAnotherNameIsAUsageError() throws IOException {
        Path renamed = Files.copy(record, dir.resolve("mine.json"));
        evaluate(renamed).assertUsageError(renamed + " holds the record of Baseline seed 1, which is stored as "
                + record.getFileName());
    }

    /** A oneDNN run needs a oneDNN build; the message names the build this CPU runs, or says it runs none. */
    @Test
    void anEngineThisBuildLacksIsNamedWithTheFix() {
        Path file = Path.of("runs/x.json");
        Set<String> avx2 = Set.of("avx2", "fma");
        assertEquals(Optional.empty(), Evaluate.engineProblem(file, ConvolutionEngine.BUILT_IN,
                ConvolutionEngine.ONEDNN, Optional.of(NativeBuild.ONEDNN_AVX2), avx2));
        assertEquals(Optional.empty(), Evaluate.engineProblem(file, ConvolutionEngine.ONEDNN,
                ConvolutionEngine.ONEDNN, Optional.of(NativeBuild.ONEDNN_AVX2), avx2));
        String fix = Evaluate.engineProblem(file, ConvolutionEngine.ONEDNN, ConvolutionEngine.BUILT_IN,
                Optional.of(NativeBuild.PLAIN), avx2).orElseThrow();
        assertTrue(fix.startsWith(file + " was trained with the ONEDNN convolution engine, which the loaded native "
                + "build (linux-x86_64) cannot provide; select the oneDNN build: add -D"
                + NativeBuild.EXTENSION_PROPERTY + "=-onednn-avx2"), fix);
        String none = Evaluate.engineProblem(file, ConvolutionEngine.ONEDNN, ConvolutionEngine.BUILT_IN,
                Optional.of(NativeBuild.PLAIN), Set.of("sse2")).orElseThrow();
        assertTrue(none.contains("this CPU runs neither oneDNN build"), none);
    }

    @Test
    void aDatasetOtherThanTheRecordsIsAUsageError() {
        CliRun r = CliRun.of(new Evaluate(), "--dataset", "fashion-mnist", record.toString());
        r.assertUsageError("--dataset fashion-mnist contradicts " + record + ", which was trained on mnist");
        CliRun.of(new Evaluate(), "--dataset", "cifar", record.toString())
                .assertUsageError("--dataset must be mnist or fashion-mnist, got 'cifar'");
    }
}
