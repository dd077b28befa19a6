package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Part2DropoutTest {

    @TempDir
    Path dir;

    /** Runs the command with stderr captured; returns {exit code, stderr}. */
    private static Object[] run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(new Part2Dropout(), args);
            return new Object[] {code, err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(saved);
        }
    }

    private static void assertUsageError(Object[] result, String expected) {
        assertEquals(2, result[0]);
        String err = ((String) result[1]).strip();
        assertEquals(1, err.lines().count(), "one line expected, got: " + err);
        assertTrue(err.contains(expected), err);
    }

    @Test
    void fewerThanOneEpochIsAUsageError() {
        assertUsageError(run("--epochs", "-1", "--out", dir.toString()), "--epochs must be ≥ 1, got -1");
        assertUsageError(run("--epochs", "0", "--out", dir.toString()), "--epochs must be ≥ 1, got 0");
    }

    @Test
    void seedsThatRunPastTheLargestSeedAreAUsageError() {
        assertUsageError(run("--seed", String.valueOf(Long.MAX_VALUE), "--seeds", "3", "--out", dir.toString()),
                "runs past the largest seed");
    }

    @Test
    void anEmptyOutputFolderIsAUsageError() {
        assertUsageError(run("--out", ""), "--out is empty");
    }

    @Test
    void aBadVariantIsAUsageErrorListingTheKnownOnes() {
        for (String bad : new String[] {"Nope", "Dropout(drop=1.5)", "Dropout(p=0.5)", "Dropout(drop=0.5", "Baseline,,"}) {
            assertUsageError(run("--variants", bad, "--out", dir.toString()), "known variants: Baseline(width=128)");
        }
    }

    @Test
    void aVariantOfAnotherPartIsAUsageErrorNamingThisPartsKinds() {
        assertUsageError(run("--variants", "BatchNorm", "--out", dir.toString()),
                "this section compares Baseline, Dropout, DropConnect");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertUsageError(run("--epoch", "3"), "Unknown option");
    }

    @Test
    void nonNumericEpochsIsAUsageError() {
        assertUsageError(run("--epochs", "many"), "--epochs");
    }

    @Test
    void unwritableOutputIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertUsageError(run("--out", file.resolve("results").toString()), "--out " + file.resolve("results"));
    }
}
