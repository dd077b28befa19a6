package org.convergence4j.study;

import java.io.PrintStream;
import java.util.Locale;
import org.convergence4j.train.EpochLines;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingProgress;

/**
 * Estimated time left, per run and for all the runs a command trains, printed after every epoch:
 * run: (E − e)·t̄ᵣ with t̄ᵣ the run's mean epoch time so far; study: L·t̄ / min(jobs, ⌈L/E⌉), with L the epochs left
 * to train over all runs and t̄ the mean epoch time over every epoch trained so far (runs train {@code jobs} at a
 * time). Shared by the runs' threads.
 */
final class StudyClock {

    private final int epochsPerRun;
    private final int jobs;
    private long epochsLeft;
    private double seconds;
    private long epochs;

    /** @param runs the runs to train; @param epochsPerRun E; @param jobs runs trained at once */
    StudyClock(int runs, int epochsPerRun, int jobs) {
        this.epochsPerRun = epochsPerRun;
        this.jobs = jobs;
        this.epochsLeft = (long) runs * epochsPerRun;
    }

    /** One line per epoch of the run {@code label}, with both estimates, on {@code out}. */
    TrainingProgress lines(String label, PrintStream out) {
        return new TrainingProgress() {
            private double runSeconds;

            @Override
            public void epochDone(EpochMetrics m) {
                runSeconds += m.seconds();
                out.println(EpochLines.format(label, m) + " | " + estimate(m, runSeconds));
            }
        };
    }

    /** Records an epoch and returns "ETA run 0:42, all runs 12:30". */
    synchronized String estimate(EpochMetrics m, double runSeconds) {
        epochsLeft--;
        epochs++;
        seconds += m.seconds();
        double run = (epochsPerRun - m.epoch()) * runSeconds / m.epoch();
        long runsLeft = (epochsLeft + epochsPerRun - 1) / epochsPerRun;
        double all = runsLeft == 0 ? 0 : epochsLeft * (seconds / epochs) / Math.min(jobs, runsLeft);
        return "ETA run " + clock(run) + ", all runs " + clock(all);
    }

    /** A run ended before its last epoch (stopped, diverged): its other epochs will not be trained. */
    synchronized void runEnded(int epochsTrained) {
        epochsLeft -= epochsPerRun - epochsTrained;
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
