package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

    @Test
    void temporariesOfDeadProcessesAreRemovedAndOthersKept(@TempDir Path dir) throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path dead = Files.writeString(runs.resolve(".baseline-seed1.json." + DEAD_PID + "-3.tmp"), "{");
        Path mine = Files.writeString(runs.resolve(".summary.json." + ProcessHandle.current().pid() + "-1.tmp"), "{");
        Path other = Files.writeString(runs.resolve("notes.tmp"), "kept");

        assertEquals(List.of(dead), AtomicFiles.removeStaleTemporaries(dir));
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(mine), "this process may be writing it");
        assertTrue(Files.exists(other), "not a temporary file of ours");
    }
}
