package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.convergence4j.backend.ProcessOwner;
import org.convergence4j.data.DataDirectory;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.RunClaim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder damaged between two commands, on two real one-epoch runs: a record with values no run can have is
 * named with its field, moved aside and trained again, in training and in {@code --report-only} mode; a claim left
 * by a process that ended, by a reused pid, emptied, or not renewed by another host is taken over with a line naming
 * it, while a renewed one is left to its owner. The other run is neither lost nor trained twice.
 */
class StoredRunsFaultTest {

    /** The two runs, trained once for every test. */
    @TempDir
    static Path trained;

    @TempDir
    Path dir;

    private Path out;
    private Path runs;

    /** Part 2's Baseline at seeds 1 and 2, one epoch on the first 10 000 examples, into {@code out}. */
    private static CliRun part2(Path out, String... more) {
        MnistFixture.mnist();
        List<String> args = new ArrayList<>(List.of("--quick", "--epochs", "1", "--seeds", "2", "--variants",
                "Baseline", "--jobs", "1", "--data-dir", DataDirectory.resolve(null, System.getenv(), "mnist").toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(new Part2Dropout(), args.toArray(String[]::new));
    }

    private CliRun part2(String... more) {
        return part2(out, more);
    }

    @BeforeAll
    static void trainTwoRuns() {
        CliRun r = part2(trained);
        assertEquals(0, r.code(), r.err());
    }

    /** A copy of the two runs' records and networks in a results folder of the test's own. */
    @BeforeEach
    void copyTheRuns() throws IOException {
        out = dir.resolve("out");
        runs = Files.createDirectories(ResultsLayout.of(out).runs());
        try (Stream<Path> files = Files.list(ResultsLayout.of(trained).runs())) {
            for (Path f : files.toList()) {
                Files.copy(f, runs.resolve(f.getFileName()));
            }
        }
    }

    private Path record(int seed) throws IOException {
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-seed" + seed + ".json")).findFirst()
                    .orElseThrow();
        }
    }

    /** Replaces the first match of {@code regex} in seed 2's record by {@code replacement}. */
    private Path damage(String regex, String replacement) throws IOException {
        Path file = record(2);
        String text = Files.readString(file);
        String damaged = text.replaceFirst(regex, replacement);
        assertTrue(!damaged.equals(text), regex);
        Files.writeString(file, damaged);
        return file;
    }

    private static long count(String text, String line) {
        return text.lines().filter(l -> l.contains(line)).count();
    }

    /**
     * Damages seed 2's record, then trains: the record is reported with its field, moved aside and trained again
     * once; seed 1's record and network are untouched.
     */
    private void assertRetrainedAlone(String regex, String replacement, String field) throws IOException {
        byte[] seed1 = Files.readAllBytes(record(1));
        Path file = damage(regex, replacement);
        CliRun r = part2();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: " + file + " " + field) && r.out().contains("moved it to " + file
                + ".corrupt"), r.out());
        assertEquals(1, count(r.out(), "Baseline seed 2: trained, stored"), r.out());
        assertEquals(1, count(r.out(), "Baseline seed 1: reused"), r.out());
        assertArrayEquals(seed1, Files.readAllBytes(record(1)), "the sound run is not rewritten");
        Files.delete(file.resolveSibling(file.getFileName() + ".corrupt"));
    }

    @Test
    void aNaNTestAccuracyIsNotCountedByReportOnlyAndTrainedAgainByTheNextCommand() throws IOException {
        Path file = damage("\"test_accuracy\" : [-0-9.eE]+", "\"test_accuracy\" : \"NaN\"");
        CliRun report = part2("--report-only");
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().contains("warning: " + file + " field history.epochs[0].test_accuracy is NaN"),
                report.out());
        assertTrue(report.out().contains("(1 of 2 runs stored)"), report.out());
        assertTrue(Files.exists(file.resolveSibling(file.getFileName() + ".corrupt")));

        CliRun train = part2();
        assertEquals(0, train.code(), train.err());
        assertEquals(1, count(train.out(), "Baseline seed 2: trained, stored"), train.out());
        assertEquals(1, count(train.out(), "Baseline seed 1: reused"), train.out());
    }

    @Test
    void aNullVariantIsMovedAsideAndTrainedAgain() throws IOException {
        assertRetrainedAlone("\"variant\" : \"Baseline\"", "\"variant\" : null", "field variant is null");
    }

    @Test
    void aNaNLossIsMovedAsideAndTrainedAgain() throws IOException {
        assertRetrainedAlone("\"train_loss\" : [-0-9.eE]+", "\"train_loss\" : \"NaN\"",
                "field history.epochs[0].train_loss is NaN");
    }

    @Test
    void aNaNTrainAccuracyIsMovedAsideAndTrainedAgain() throws IOException {
        assertRetrainedAlone("\"train_accuracy\" : [-0-9.eE]+", "\"train_accuracy\" : \"NaN\"",
                "field history.epochs[0].train_accuracy is NaN");
    }

    @Test
    void anAccuracyOfFiveIsMovedAsideAndTrainedAgain() throws IOException {
        assertRetrainedAlone("\"test_accuracy\" : [-0-9.eE]+", "\"test_accuracy\" : 5.0",
                "field history.epochs[0].test_accuracy is 5.0");
    }

    /** Seed 2's record deleted (its run not stored) and its lock holding {@code content}, {@code age} old. */
    private Path lockInsteadOfRecord(String content, Duration age) throws IOException {
        Path record = record(2);
        String name = record.getFileName().toString();
        Path lock = record.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".lock");
        Files.delete(record);
        Files.writeString(lock, content);
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(age)));
        return lock;
    }

    /** Trains with a stale lock on seed 2: it is taken over with a line naming it and why, and trained once. */
    private void assertTakenOver(String content, Duration age, String why) throws IOException {
        byte[] seed1 = Files.readAllBytes(record(1));
        Path lock = lockInsteadOfRecord(content, age);
        CliRun r = part2();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Baseline seed 2: took over the stale claim " + lock + " of ")
                && r.out().contains(why), r.out());
        assertEquals(1, count(r.out(), "Baseline seed 2: trained, stored"), r.out());
        assertArrayEquals(seed1, Files.readAllBytes(record(1)), "the stored run is neither lost nor retrained");
        assertFalse(Files.exists(lock), "released once the record is stored");
    }

    /** The case: this host, a live pid that is not the trainer, and no start instant. */
    @Test
    void aLockOfALivePidThatIsNotTheTrainerIsTakenOver() throws IOException {
        assertTakenOver(ProcessOwner.current().host() + " 1 2025-01-01T00:00:00Z", Duration.ZERO,
                "(no process 1 of this host started at an unknown time runs");
    }

    /** A worker that crashed (a full disk) after claiming its next run left the claim of a process that ended. */
    @Test
    void theLockOfACrashedWorkerOfThisHostIsTakenOver() throws IOException {
        assertTakenOver(ProcessOwner.current().host() + " 99999999 2026-01-01T00:00:00Z 2026-01-01T00:00:05Z",
                Duration.ZERO, "(no process 99999999 of this host started at 2026-01-01T00:00:00Z runs");
    }

    @Test
    void anEmptyLockIsTakenOver() throws IOException {
        assertTakenOver("", Duration.ZERO, "of no one (the lock is empty or unreadable)");
    }

    @Test
    void aLockOfAnotherHostNotRenewedIsTakenOver() throws IOException {
        assertTakenOver("node7 4242 2026-01-01T00:00:00Z 2026-01-01T00:00:00Z", RunClaim.EXPIRY.plusMinutes(5),
                "not renewed for 15 min, more than 10 min");
    }

    /** A recently renewed claim of another host is left to it, with the lock and its age named; nothing is trained. */
    @Test
    void aRenewedLockOfAnotherHostIsLeftToIt() throws IOException {
        Path lock = lockInsteadOfRecord("node7 4242 2026-01-01T00:00:00Z 2026-01-01T00:00:00Z", Duration.ofMinutes(2));
        CliRun r = part2();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Baseline seed 2: being trained by node7 4242 ") && r.out().contains("(lock " + lock
                + ", renewed 2 min ago"), r.out());
        assertEquals(0, count(r.out(), ": trained, stored"), r.out());
        assertTrue(Files.exists(lock));
    }

    /** {@code RunAll --report-only} printed "wrote …/part1-initialization" for a folder it did not create. */
    @Test
    void reportOnlyDoesNotClaimToHaveWrittenPartOne() {
        CliRun r = CliRun.of(new RunAll(), "--quick", "--epochs", "1", "--seeds", "2", "--variants", "Baseline", "--jobs",
                "1", "--out", out.toString(), "--report-only");
        assertEquals(0, r.code(), r.err());
        Path part1 = ResultsLayout.of(out).study("part1-initialization");
        assertFalse(Files.exists(part1));
        assertFalse(r.out().contains("wrote " + part1 + " "), r.out());
        assertTrue(r.out().contains("--report-only does not rerun Part 1, so " + part1 + " does not exist"), r.out());
        assertTrue(r.out().contains("wrote " + ResultsLayout.of(out).study("part2-dropout") + " and "), r.out());
        assertEquals(0, count(r.out(), ": trained, stored"), r.out());
    }

    /** Identical runs stored networks of different SHA-256s (zip entry times): retrained, they change no network file. */
    @Test
    void aRetrainedIdenticalRunStoresAByteIdenticalNetwork() throws IOException {
        Path zip = record(1).resolveSibling(record(1).getFileName().toString().replace(".json", ".zip"));
        byte[] before = Files.readAllBytes(zip);
        CliRun r = part2("--force");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, count(r.out(), ": trained, stored"), r.out());
        assertArrayEquals(before, Files.readAllBytes(zip), "the same network, the same bytes");
    }
}
