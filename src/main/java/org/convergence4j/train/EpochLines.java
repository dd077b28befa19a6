package org.convergence4j.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress as one line per finished epoch, for runs that share the terminal (concurrent jobs),
 * where progress bars would overwrite each other.
 */
public final class EpochLines implements TrainingProgress {

    private final String label;
    private final PrintStream out;

    /** @param label printed at the start of each line, e.g. the variant and seed */
    public EpochLines(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    @Override
    public void epochDone(EpochMetrics m) {
        out.println(format(label, m));
    }

    /** The line printed for an epoch. */
    static String format(String label, EpochMetrics m) {
        return String.format(Locale.ROOT, "%s epoch %d: train loss %.4f acc %.2f%% | test loss %.4f acc %.2f%% | %.1f s",
                label, m.epoch(), m.trainLoss(), 100 * m.trainAccuracy(), m.testLoss(), 100 * m.testAccuracy(),
                m.seconds());
    }
}
