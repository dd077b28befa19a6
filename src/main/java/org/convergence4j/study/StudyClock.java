package org.convergence4j.study;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.convergence4j.train.EpochLines;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingProgress;

/**
 * Estimated time left, per run and for all the runs a command trains, printed after every epoch:
 * run: (Eᵣ − e)·t̄ᵣ with Eᵣ the run's epochs and t̄ᵣ its mean epoch time so far; all runs: L·t̄ / min(jobs, R), with L
 * the epochs left to train over all runs, t̄ the mean epoch time over every epoch trained so far and R the runs not
 * ended yet (runs train {@code jobs} at a time). Runs of different studies may have different Eᵣ (Part 1's nets train
 * fewer epochs than the TestNetwork). Shared by the runs' threads.
 */
final class StudyClock {

    private final int jobs;
    private long epochsLeft;
    private int runsLeft;
    private double seconds;
    private long epochs;

    /** @param epochsPerRun Eᵣ of each run to train; @param jobs runs trained at once */
    StudyClock(List<Integer> epochsPerRun, int jobs) {
        this.jobs = jobs;
        this.epochsLeft = epochsPerRun.stream().mapToLong(Integer::longValue).sum();
        this.runsLeft = epochsPerRun.size();
    }

    /** One line per epoch of the run {@code label} of {@code runEpochs} epochs, with both estimates, on {@code out}. */
    TrainingProgress lines(String label, int runEpochs, PrintStream out) {
        return new TrainingProgress() {
            private double runSeconds;

            @Override
            public void epochDone(EpochMetrics m) {
                runSeconds += m.seconds();
                out.println(EpochLines.format(label, m) + " | " + estimate(m, runEpochs, runSeconds));
            }
        };
    }

    /** Records an epoch of a run of {@code runEpochs} epochs and returns "ETA run 0:42, all runs 12:30". */
    synchronized String estimate(EpochMetrics m, int runEpochs, double runSeconds) {
        epochsLeft--;
        epochs++;
        seconds += m.seconds();
        double run = (runEpochs - m.epoch()) * runSeconds / m.epoch();
        double all = runsLeft == 0 ? 0 : epochsLeft * (seconds / epochs) / Math.min(jobs, runsLeft);
        return "ETA run " + clock(run) + ", all runs " + clock(all);
    }

    /**
     * A run of {@code runEpochs} epochs ended after {@code epochsTrained} of them (fewer when stopped or diverged, 0
     * when another process trains it): its other epochs will not be trained.
     */
    synchronized void runEnded(int runEpochs, int epochsTrained) {
        epochsLeft -= runEpochs - epochsTrained;
        runsLeft--;
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
