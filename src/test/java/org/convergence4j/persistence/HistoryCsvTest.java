package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsExactly() throws IOException {
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, 0.1 / 3, Math.PI, 0.9876543210123, 1.0 / 7, 12.5),
                new EpochMetrics(2, 1e-9, 2.0, 0.5, 0.25, 3.25));
        Path file = dir.resolve("h.csv");

        HistoryCsv.write(file, new TrainingHistory(epochs, false));

        assertEquals(epochs, HistoryCsv.read(file));
    }

    @Test
    void aFailedWriteLeavesThePreviousFileIntact() throws IOException {
        Path file = dir.resolve("keep.txt");
        AtomicFiles.writeString(file, "previous");

        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        }));

        assertEquals("previous", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file may remain");
        }
    }

    @Test
    void refusesAFileThatIsNotAHistory() throws IOException {
        Path file = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> HistoryCsv.read(file));
        assertEquals(true, e.getMessage().contains("not a history CSV"));
    }
}
