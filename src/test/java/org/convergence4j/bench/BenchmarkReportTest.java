package org.convergence4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.convergence4j.backend.NativeBuild;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    private static final Measurement DL4J = new Measurement("dl4j", "baseline", 100, 0.02, 0.62, 0.02, 0.62, 900, "");
    private static final Measurement TORCH = new Measurement("pytorch", "baseline", 100, 0.006, 0.186, 0.004, 0.124,
            470, "");

    @Test
    void ratioIsDl4jEpochOverPytorchEpoch() {
        BenchmarkReport.Row row = new BenchmarkReport.Row(NativeBuild.ONEDNN_AVX2, DL4J, Optional.of(TORCH));

        assertEquals(10.0 / 3.0, row.ratio().orElseThrow(), 1e-12); // 10 s over 3 s
        assertEquals(10.0 / 2.0, row.cpuRatio().orElseThrow(), 1e-12); // 10 s over 2 s
    }

    @Test
    void withoutPytorchItsColumnsAreEmpty() {
        BenchmarkReport.Row row = new BenchmarkReport.Row(NativeBuild.ONEDNN_AVX2, DL4J, Optional.empty());

        assertTrue(row.ratio().isEmpty());
        String table = BenchmarkReport.table(List.of(row));
        assertTrue(table.lines().skip(2).findFirst().orElseThrow().matches("baseline +onednn-avx2 +50\\.0 +10\\.0 +- +- +- +10\\.0 +- +- +900 +-"),
                table);
        assertEquals("baseline,onednn-avx2,50.000,10.000,,,,10.000,,,900.0,", BenchmarkReport.csv(List.of(row)).lines().skip(1)
                .findFirst().orElseThrow());
    }

    @Test
    void csvHasOneLinePerVariantUnderTheHeader() {
        String csv = BenchmarkReport.csv(List.of(new BenchmarkReport.Row(NativeBuild.ONEDNN_AVX2, DL4J, Optional.of(TORCH))));

        assertEquals(List.of(BenchmarkReport.CSV_HEADER,
                "baseline,onednn-avx2,50.000,10.000,166.667,3.000,3.333,10.000,2.000,5.000,900.0,470.0"), csv.lines().toList());
    }
}
