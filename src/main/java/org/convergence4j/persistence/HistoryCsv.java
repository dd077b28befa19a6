package org.convergence4j.persistence;

import java.nio.file.Path;
import java.util.Locale;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingHistory;

/**
 * One training history as CSV, one row per epoch:
 * {@code epoch,train_loss,test_loss,train_acc,test_acc,seconds} (losses in nats, accuracies as
 * fractions in [0, 1]). Doubles are written with 17 significant digits, so a reader gets back the
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
}
