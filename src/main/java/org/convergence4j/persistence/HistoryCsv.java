package org.convergence4j.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingHistory;

/**
 * One training history as CSV, one row per epoch:
 * {@code epoch,train_loss,test_loss,train_acc,test_acc,seconds} (losses in nats, accuracies as
 * fractions in [0, 1]). Doubles are written with 17 significant digits so a read gives back the
 * same values.
 */
public final class HistoryCsv {

    /** The header line. */
    public static final String HEADER = "epoch,train_loss,test_loss,train_acc,test_acc,seconds";

    private HistoryCsv() {
    }

    /** Writes the completed epochs of {@code history} to {@code file}, atomically. */
    public static void write(Path file, TrainingHistory history) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics m : history.epochs()) {
            csv.append(String.format(Locale.ROOT, "%d,%.17g,%.17g,%.17g,%.17g,%.3f%n", m.epoch(), m.trainLoss(),
                    m.testLoss(), m.trainAccuracy(), m.testAccuracy(), m.seconds()));
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IOException naming the file and line if it is not such a file
     */
    public static List<EpochMetrics> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a history CSV (expected header '" + HEADER + "')");
        }
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            try {
                epochs.add(new EpochMetrics(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            } catch (RuntimeException e) {
                throw new IOException(file + ": line " + (i + 1) + " is malformed: " + lines.get(i), e);
            }
        }
        return epochs;
    }
}
