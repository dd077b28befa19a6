package org.convergence4j.train;

import java.util.Locale;

/** The one line that reports a finished epoch, on the console and in logs. */
public final class EpochLines {

    private EpochLines() {
    }

    /** {@code <label> epoch e: train loss … acc …% | test loss … acc …% | s}. */
    public static String format(String label, EpochMetrics m) {
        return String.format(Locale.ROOT, "%s epoch %d: train loss %.4f acc %.2f%% | test loss %.4f acc %.2f%% | %.1f s",
                label, m.epoch(), m.trainLoss(), 100 * m.trainAccuracy(), m.testLoss(), 100 * m.testAccuracy(),
                m.seconds());
    }
}
