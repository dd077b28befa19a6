package org.convergence4j.train;

/**
 * What one epoch of {@link Trainer#train} measured, as the seminar's {@code train_utils.train}:
 * each figure is the mean over the epoch's mini-batches of the per-batch value (not weighted by
 * batch size). Losses are mean negative log-likelihood per example, in nats; accuracies are
 * fractions in [0, 1].
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training-batch loss, measured in training mode before each update
 * @param testLoss mean test-batch loss, inference mode, after the epoch's updates
 * @param trainAccuracy mean training-batch accuracy, training mode
 * @param testAccuracy mean test-batch accuracy, inference mode
 * @param seconds wall-clock seconds of the epoch (training and evaluation)
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
        double seconds) {
}
