package org.convergence4j.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per epoch on the terminal (batches done, ETA, running loss and accuracy) and one
 * summary line per finished epoch.
 */
public final class ConsoleProgress implements TrainingProgress {

    private final String label;
    private final PrintStream out;
    private ProgressBar bar;

    /** @param label shown before each bar, e.g. the variant and seed */
    public ConsoleProgress(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "%s %d/%d", label, epoch, epochs))
                .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .continuousUpdate().build();
    }

    @Override
    public void batchDone(double meanLoss, double meanAccuracy) {
        bar.step();
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.2f%%", meanLoss, 100 * meanAccuracy));
    }

    @Override
    public void epochDone(EpochMetrics m) {
        bar.close();
        out.println(EpochLines.format(label, m));
    }
}
