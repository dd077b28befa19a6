package org.convergence4j.train;

import java.util.List;

/**
 * The per-epoch record of one training run.
 *
 * @param epochs completed epochs in order (an interrupted epoch is not included)
 * @param stoppedEarly true if a stop request (Ctrl-C, thread interrupt) ended the run before the
 *     planned number of epochs
 */
public record TrainingHistory(List<EpochMetrics> epochs, boolean stoppedEarly) {

    /** Copies the list, so the history is immutable. */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** The last completed epoch. @throws IllegalStateException if none completed */
    public EpochMetrics last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch completed");
        }
        return epochs.get(epochs.size() - 1);
    }
}
