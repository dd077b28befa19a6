package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.convergence4j.persistence.ResultsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Part2DropoutTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(new Part2Dropout(), args);
    }

    @Test
    void fewerThanOneEpochIsAUsageError() {
        run("--epochs", "-1", "--out", dir.toString()).assertUsageError("--epochs must be ≥ 1, got -1");
        run("--epochs", "0", "--out", dir.toString()).assertUsageError("--epochs must be ≥ 1, got 0");
    }

    @Test
    void seedsThatRunPastTheLargestSeedAreAUsageError() {
        run("--seed", String.valueOf(Long.MAX_VALUE), "--seeds", "3", "--out", dir.toString())
                .assertUsageError("runs past the largest seed");
    }

    @Test
    void anEmptyOutputFolderIsAUsageError() {
        run("--out", "").assertUsageError("--out is empty");
    }

    @Test
    void aBadVariantIsAUsageErrorListingTheKnownOnes() {
        for (String bad : new String[] {"Nope", "Dropout(drop=1.5)", "Dropout(p=0.5)", "Dropout(drop=0.5", "Baseline,,"}) {
            run("--variants", bad, "--out", dir.toString()).assertUsageError("known variants: Baseline(width=128)");
        }
    }

    @Test
    void aVariantOfAnotherPartIsAUsageErrorNamingThisPartsKinds() {
        run("--variants", "BatchNorm", "--out", dir.toString())
                .assertUsageError("BatchNorm is compared by Part3Normalization, Part4Comparison, RunAll, not by this "
                        + "section, which compares Baseline, Dropout, DropConnect");
    }

    /**
     * The committed results folder is written only by the reference settings: other settings naming it, report-only
     * included, are refused before anything is read or written.
     */
    @Test
    void otherSettingsNamingTheCommittedFolderAreAUsageErrorAndChangeNothing() throws IOException {
        Path summary = ResultsLayout.of(ResultsLayout.REFERENCE).summary();
        byte[] before = Files.readAllBytes(summary);
        FileTime modified = Files.getLastModifiedTime(summary);
        for (String[] args : List.of(new String[] {"--out", "results", "--report-only", "--variants", "Dropout(drop=0.4)"},
                new String[] {"--out", "./results/", "--epochs", "1"}, new String[] {"--out", "results", "--quick"})) {
            run(args).assertUsageError("written only by the reference settings");
        }
        assertArrayEquals(before, Files.readAllBytes(summary));
        assertEquals(modified, Files.getLastModifiedTime(summary));
    }

    /** A constraint between parameters is checked when the text is parsed: a usage error, exit 2. */
    @Test
    void aVariantBreakingAConstraintIsAUsageError() {
        for (String bad : new String[] {"GroupNorm(groups=5)", "GroupNorm(width=130)"}) {
            CliRun.of(new Part3Normalization(), "--variants", bad, "--out", dir.toString())
                    .assertUsageError("breaks the constraint groups divides width");
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        run("--epoch", "3").assertUsageError("Unknown option");
    }

    @Test
    void nonNumericEpochsIsAUsageError() {
        run("--epochs", "many").assertUsageError("--epochs");
    }

    @Test
    void unwritableOutputIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        run("--out", file.resolve("results").toString()).assertUsageError("--out " + file.resolve("results"));
    }
}
