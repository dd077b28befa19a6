package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static CliRun run(String... args) {
        return CliRun.of(new Benchmark(), args);
    }

    @Test
    void moreStepsThanAnEpochIsAUsageError() {
        run("--steps", "460", "--warmup", "20", "--out", dir.toString()).assertUsageError("steps + warmup ≤ 469");
    }

    @Test
    void unknownVariantIsAUsageErrorListingTheKnownOnes() {
        run("--variants", "Baseline,Nope", "--out", dir.toString()).assertUsageError("known variants: Baseline(width=128)");
    }

    @Test
    void aPartOneNetIsAUsageErrorNamingWhatIsTimed() {
        run("--variants", "Baseline,InitD", "--out", dir.toString()).assertUsageError("InitD is one of Part 1's MLPs");
    }

    @Test
    void zeroRepeatsIsAUsageError() {
        run("--repeats", "0", "--out", dir.toString()).assertUsageError("--repeats");
    }

    /** A real (tiny) run in a child JVM: DL4J figures only, the reason printed, the CSV written. */
    @Test
    void withoutPytorchItMeasuresDl4jAloneAndSaysWhy() throws Exception {
        MnistFixture.mnist();

        CliRun result = run("--variants", "baseline", "--steps", "2", "--warmup", "1", "--dl4j-only",
                "--out", dir.toString());

        assertEquals(0, result.code(), result::err);
        String out = result.out();
        assertTrue(out.contains("PyTorch not measured: --dl4j-only was given"), out);
        List<String> csv = Files.readAllLines(dir.resolve("benchmark").resolve("benchmark.csv"));
        assertEquals(BenchmarkReport.CSV_HEADER, csv.get(0));
        assertTrue(csv.get(1).matches("Baseline,[a-z0-9-]+,[0-9.]+,[0-9.]+,,,,[0-9.]+,,,[0-9.]+,"), csv.get(1));
    }
}
