package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
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

    /** 17 significant digits give every double back exactly; seconds are written to the millisecond. */
    @Test
    void holdsEveryValueExactly() throws IOException {
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, 0.1 / 3, Math.PI, 0.9876543210123, 1.0 / 7, 12.5),
                new EpochMetrics(2, 1e-9, 2.0, 0.5, 0.25, 3.25));
        Path file = dir.resolve("h.csv");

        HistoryCsv.write(file, new TrainingHistory(epochs, false));

        List<String> lines = Files.readAllLines(file);
        assertEquals(HistoryCsv.HEADER, lines.get(0));
        assertEquals(epochs, lines.stream().skip(1).map(HistoryCsvTest::parse).toList());
    }

    private static EpochMetrics parse(String line) {
        String[] f = line.split(",");
        return new EpochMetrics(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
    }
}
