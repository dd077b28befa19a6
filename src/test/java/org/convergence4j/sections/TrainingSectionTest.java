package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.persistence.ResultsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training section end to end on the command line, on a small run (1 epoch of the first 10 000 examples). */
class TrainingSectionTest {

    @TempDir
    Path dir;

    /** Runs Part 2 with {@code args} and the shared output folder; returns {exit code, stdout, stderr}. */
    private Object[] part2(String... args) {
        return section(new Part2Dropout(), args);
    }

    /** Runs {@code section} with {@code args} and the shared output folder; returns {exit code, stdout, stderr}. */
    private Object[] section(TrainingSection section, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", dir.resolve("out").toString()));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(section, all.toArray(String[]::new));
            return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void reportOnlyWithNothingStoredExitsTwoNamingTheSettingsAndReadsNoData() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Object[] r = part2("--report-only", "--epochs", "3", "--data-dir", notADirectory.resolve("mnist").toString());
        assertEquals(2, r[0], (String) r[2]);
        List<String> errors = ((String) r[2]).lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), (String) r[2]);
        String err = errors.get(0);
        assertTrue(err.contains("no stored run in") && err.contains("3 epochs") && err.contains("no readable run record"),
                err);
        assertFalse(Files.exists(ResultsLayout.of(dir.resolve("out")).summary()), "nothing is written");
    }

    @Test
    void aRunIsStoredThenReusedAndReportOnlyRewritesItsReports() throws IOException {
        MnistFixture.mnist();
        String[] small = {"--quick", "--epochs", "1", "--seeds", "1", "--variants", "Baseline", "--jobs", "1"};
        Object[] first = part2(small);
        assertEquals(0, first[0], (String) first[2]);
        assertTrue(((String) first[1]).contains("Baseline seed 1: trained"), (String) first[1]);
        assertTrue(((String) first[1]).lines().anyMatch(l -> l.startsWith("Baseline seed 1 epoch 1: ")
                && l.endsWith("ETA run 0:00, all runs 0:00")), "not a terminal: one line per epoch: " + first[1]);
        ResultsLayout layout = ResultsLayout.of(dir.resolve("out"));
        String summary = Files.readString(layout.summary());
        assertTrue(summary.contains("\"Baseline\""), summary);

        Object[] again = part2(small);
        assertTrue(((String) again[1]).contains("Baseline seed 1: reused"), (String) again[1]);

        List<String> reportOnly = new ArrayList<>(List.of(small));
        reportOnly.add("--report-only");
        Files.delete(layout.notebook("Part2-dropout"));
        Object[] report = part2(reportOnly.toArray(String[]::new));
        assertEquals(0, report[0], (String) report[2]);
        assertTrue(Files.readString(layout.notebook("Part2-dropout")).contains("--report-only"),
                "the write-up names the command that wrote it");

        List<String> other = new ArrayList<>(reportOnly);
        other.set(2, "2");
        Object[] unmatched = part2(other.toArray(String[]::new));
        assertEquals(2, unmatched[0]);
        assertTrue(((String) unmatched[2]).contains("1 run(s) of: mnist 1 epochs 10000 examples"), (String) unmatched[2]);
        assertTrue(Files.exists(layout.notebook("Part2-dropout")), "the reports are kept");
    }

    @Test
    void aRunWithACustomSameDiffLayerPrintsNoGraphBuildingChatter() {
        MnistFixture.mnist();
        Object[] r = section(new Part3Normalization(), "--quick", "--epochs", "1", "--seeds", "1", "--variants",
                "LayerNorm", "--jobs", "1");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("LayerNorm seed 1: trained"), (String) r[1]);
        assertFalse(((String) r[1] + r[2]).contains("Added differentiated op"), (String) r[1]);
    }
}
