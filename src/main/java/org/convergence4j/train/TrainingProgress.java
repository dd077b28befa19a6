package org.convergence4j.train;

/** Receives the trainer's progress, e.g. to draw a progress bar. */
public interface TrainingProgress {

    /** Reports nothing (tests, concurrent runs). */
    TrainingProgress NONE = new TrainingProgress() {
    };

    /** An epoch begins. @param epoch 1-based; @param epochs planned total; @param batches per epoch */
    default void epochStarted(int epoch, int epochs, int batches) {
    }

    /** A training batch finished. @param meanLoss and @param meanAccuracy: running means over the epoch */
    default void batchDone(double meanLoss, double meanAccuracy) {
    }

    /** The epoch, including evaluation, finished. */
    default void epochDone(EpochMetrics metrics) {
    }
}
