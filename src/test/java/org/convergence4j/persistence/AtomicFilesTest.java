package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.convergence4j.backend.ProcessOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    /** Above Linux's largest pid_max (2²²): no process has it. */
    private static final long DEAD_PID = 99_999_999L;

    @Test
    void writesLeaveNoTemporaryFile(@TempDir Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve("a/b.json"), "{}");
        assertEquals("{}", Files.readString(dir.resolve("a/b.json")));
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            assertEquals(List.of("b.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndNamesTheTarget(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.txt");
        AtomicFiles.writeString(file, "old");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, out -> {
            out.write('n');
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("disk full"), e.getMessage());
        assertEquals("old", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }

    /**
     * On a shared folder a temporary file of another host may be in progress: only this host's ended writers' files,
     * and files of any host older than {@link AtomicFiles#TEMPORARY_EXPIRY}, are deleted.
     */
    @Test
    void temporariesAreRemovedOnlyWhenTheirWriterIsGone(@TempDir Path dir) throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        String host = ProcessOwner.current().host();
        Path dead = Files.writeString(runs.resolve(".baseline-seed1.json.3." + DEAD_PID + "-1700000000000@" + host
                + ".tmp"), "{");
        Path mine = Files.writeString(AtomicFiles.temporary(runs.resolve("summary.json")), "{");
        Path otherHost = Files.writeString(runs.resolve(".baseline-seed2.json.1." + DEAD_PID + "-1700000000000@node7.tmp"),
                "{");
        Path otherHostOld = Files.writeString(runs.resolve(".baseline-seed3.json.1.12-1700000000000@node7.tmp"), "{");
        Path earlier = Files.writeString(runs.resolve(".baseline-seed4.json." + DEAD_PID + "-3.tmp"), "{");
        Path earlierOld = Files.writeString(runs.resolve(".baseline-seed5.json." + DEAD_PID + "-3.tmp"), "{");
        Path other = Files.writeString(runs.resolve("notes.tmp"), "kept");
        for (Path old : List.of(otherHostOld, earlierOld, other)) {
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(AtomicFiles.TEMPORARY_EXPIRY).minusSeconds(60)));
        }

        assertEquals(Set.of(dead, otherHostOld, earlierOld), Set.copyOf(AtomicFiles.removeStaleTemporaries(dir)));
        assertTrue(Files.exists(mine), "this process may be writing it");
        assertTrue(Files.exists(otherHost), "another host's writer may be writing it");
        assertTrue(Files.exists(earlier), "a recent file of an earlier version may be in progress");
        assertTrue(Files.exists(other), "not a temporary file of ours");
    }

    /** A temporary file of this process that started at another instant is a file of an ended process (pid reuse). */
    @Test
    void aTemporaryOfAReusedPidIsRemoved(@TempDir Path dir) throws IOException {
        Path reused = Files.writeString(dir.resolve(".x.json.1." + ProcessHandle.current().pid() + "-1000@"
                + ProcessOwner.current().host() + ".tmp"), "{");
        assertEquals(List.of(reused), AtomicFiles.removeStaleTemporaries(dir));
    }
}
