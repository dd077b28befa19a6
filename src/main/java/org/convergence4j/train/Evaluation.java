package org.convergence4j.train;

/**
 * Means over mini-batches of an inference-mode pass.
 *
 * @param loss mean batch negative log-likelihood, nats per example
 * @param accuracy mean batch accuracy, in [0, 1]
 */
public record Evaluation(double loss, double accuracy) {
}
