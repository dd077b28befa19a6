package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence4j.bench.BenchmarkReport;
import org.convergence4j.data.MnistFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {

    @TempDir
    Path dir;

    /** Runs the command with stdout and stderr captured; returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(new Benchmark(), args);
            return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    private static void assertUsageError(Object[] result, String expected) {
        assertEquals(2, result[0], () -> "stderr: " + result[2]);
        String err = ((String) result[2]).strip();
        assertEquals(1, err.lines().count(), "one line expected, got: " + err);
        assertTrue(err.contains(expected), err);
    }

    @Test
    void moreStepsThanAnEpochIsAUsageError() {
        assertUsageError(run("--steps", "460", "--warmup", "20", "--out", dir.toString()), "steps + warmup ≤ 469");
    }

    @Test
    void unknownVariantIsAUsageErrorListingTheKnownOnes() {
        assertUsageError(run("--variants", "Baseline,Nope", "--out", dir.toString()), "known variants: Baseline(width=128)");
    }

    @Test
    void aPartOneNetIsAUsageErrorNamingWhatIsTimed() {
        assertUsageError(run("--variants", "Baseline,InitD", "--out", dir.toString()), "InitD is one of Part 1's MLPs");
    }

    @Test
    void zeroRepeatsIsAUsageError() {
        assertUsageError(run("--repeats", "0", "--out", dir.toString()), "--repeats");
    }

    /** A real (tiny) run in a child JVM: DL4J figures only, the reason printed, the CSV written. */
    @Test
    void withoutPytorchItMeasuresDl4jAloneAndSaysWhy() throws Exception {
        MnistFixture.mnist();

        Object[] result = run("--variants", "baseline", "--steps", "2", "--warmup", "1", "--dl4j-only",
                "--out", dir.toString());

        assertEquals(0, result[0], () -> "stderr: " + result[2]);
        String out = (String) result[1];
        assertTrue(out.contains("PyTorch not measured: --dl4j-only was given"), out);
        List<String> csv = Files.readAllLines(dir.resolve("benchmark").resolve("benchmark.csv"));
        assertEquals(BenchmarkReport.CSV_HEADER, csv.get(0));
        assertTrue(csv.get(1).matches("Baseline,[0-9.]+,[0-9.]+,,,,[0-9.]+,,,[0-9.]+,"), csv.get(1));
    }
}
