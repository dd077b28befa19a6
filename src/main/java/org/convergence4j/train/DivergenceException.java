package org.convergence4j.train;

import java.util.List;

/** Training produced a non-finite loss (NaN or ±∞); the run cannot continue meaningfully. */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final transient List<EpochMetrics> completed;

    /**
     * @param epoch 1-based epoch in which it happened; @param batch 1-based batch; @param loss the loss
     * @param completed the epochs completed before it
     */
    public DivergenceException(int epoch, int batch, double loss, List<EpochMetrics> completed) {
        super("loss became " + loss + " at epoch " + epoch + ", batch " + batch);
        this.epoch = epoch;
        this.completed = List.copyOf(completed);
    }

    /** The epochs completed before the divergence. */
    public List<EpochMetrics> completed() {
        return completed;
    }

    /** The 1-based epoch in which the loss stopped being finite. */
    public int epoch() {
        return epoch;
    }
}
