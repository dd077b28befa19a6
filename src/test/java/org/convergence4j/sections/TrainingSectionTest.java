package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.persistence.SummaryFile;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingSettings;
import org.convergence4j.writeups.Invocation;
import org.convergence4j.persistence.ResultsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training section end to end on the command line, on a small run (1 epoch of the first 10 000 examples). */
class TrainingSectionTest {

    @TempDir
    Path dir;

    /** Runs Part 2 with {@code args} and the shared output folder. */
    private CliRun part2(String... args) {
        return section(new Part2Dropout(), args);
    }

    /** Runs {@code section} with {@code args} and the shared output folder. */
    private CliRun section(TrainingSection section, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", dir.resolve("out").toString()));
        return CliRun.of(section, all.toArray(String[]::new));
    }

    @Test
    void reportOnlyWithNothingStoredExitsTwoNamingTheSettingsAndReadsNoData() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        CliRun r = part2("--report-only", "--epochs", "3", "--data-dir", notADirectory.resolve("mnist").toString());
        assertEquals(2, r.code(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, errors.size(), r.err());
        String err = errors.get(0);
        assertTrue(err.contains("no stored run in") && err.contains("3 epochs") && err.contains("no readable run record"),
                err);
        assertFalse(Files.exists(ResultsLayout.of(dir.resolve("out")).summary()), "nothing is written");
    }

    @Test
    void aRunIsStoredThenReusedAndReportOnlyRewritesItsReports() throws IOException {
        MnistFixture.mnist();
        String[] small = {"--quick", "--epochs", "1", "--seeds", "1", "--variants", "Baseline", "--jobs", "1"};
        CliRun first = part2(small);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Baseline seed 1: trained"), first.out());
        assertTrue(first.out().lines().anyMatch(l -> l.startsWith("Baseline seed 1 epoch 1: ")
                && l.endsWith("ETA run 0:00, all runs 0:00")), "not a terminal: one line per epoch: " + first.out());
        ResultsLayout layout = ResultsLayout.of(dir.resolve("out"));
        String summary = Files.readString(layout.summary());
        assertTrue(summary.contains("\"Baseline\""), summary);

        CliRun again = part2(small);
        assertTrue(again.out().contains("Baseline seed 1: reused"), again.out());

        List<String> reportOnly = new ArrayList<>(List.of(small));
        reportOnly.add("--report-only");
        Files.delete(layout.notebook("Part2-dropout"));
        CliRun report = part2(reportOnly.toArray(String[]::new));
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.readString(layout.notebook("Part2-dropout")).contains("--report-only"),
                "the write-up names the command that wrote it");

        List<String> other = new ArrayList<>(reportOnly);
        other.set(2, "2");
        CliRun unmatched = part2(other.toArray(String[]::new));
        assertEquals(2, unmatched.code());
        assertTrue(unmatched.err().contains("1 run(s) of: mnist 1 epochs 10000 examples"), unmatched.err());
        assertTrue(Files.exists(layout.notebook("Part2-dropout")), "the reports are kept");
    }

    @Test
    void aRunWithACustomSameDiffLayerPrintsNoGraphBuildingChatter() {
        MnistFixture.mnist();
        CliRun r = section(new Part3Normalization(), "--quick", "--epochs", "1", "--seeds", "1", "--variants",
                "LayerNorm", "--jobs", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("LayerNorm seed 1: trained"), r.out());
        assertFalse((r.out() + r.err()).contains("Added differentiated op"), r.out());
    }

    /**
     * summary.json holds the runs at the reference settings only: the command's runs of a study at another learning
     * rate, with the same variants and seeds, are not mixed into them.
     */
    @Test
    void theSummaryLeavesOutTheCommandsRunsAtOtherSettings() {
        Study part4 = Studies.PART4.withTraining(FakeRuns.SETTINGS).withSeeds(FakeRuns.SEEDS);
        TrainingSettings other = FakeRuns.SETTINGS.withLearningRate(FakeRuns.SETTINGS.learningRate() / 3);
        Study slower = Studies.ADAM_3E4.withTraining(other).withSeeds(FakeRuns.SEEDS);
        List<RunRecord> runs = new ArrayList<>(FakeRuns.standard());
        runs.addAll(FakeRuns.atSettings(FakeRuns.standard(), other));

        SummaryFile summary = TrainingSection.summary(List.of(part4, slower), runs, List.of(),
                new Invocation("mvn a", "mvn b"));

        assertEquals(FakeRuns.SETTINGS.learningRate(), summary.configuration().lr());
        summary.variants().values().forEach(v -> assertEquals(FakeRuns.SEEDS, v.seeds(), v.description()));
    }
}
