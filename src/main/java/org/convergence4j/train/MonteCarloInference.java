package org.convergence4j.train;

import org.convergence4j.data.BatchIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Monte-Carlo inference for a stochastic network (e.g. DropConnect): the predictive distribution
 * is the mean of the softmax over S training-mode forward passes, each with fresh random masks,
 * p̂(y|x) = (1/S)·Σₛ softmax(f(x; W∘Mₛ)), instead of one pass with the mean weights p·W. Only
 * meaningful for networks whose sole training-mode behaviour is the random mask (no BatchNorm).
 */
public final class MonteCarloInference {

    /** Masks averaged per batch: enough for the accuracy to settle to about 0.01 pp. */
    public static final int SAMPLES = 50;

    /**
     * The outcome of {@link #accuracy}.
     *
     * @param samples S, the masks averaged per batch
     * @param testAccuracy mean over test batches of the accuracy of the averaged prediction
     */
    public record Accuracy(int samples, double testAccuracy) {
    }

    private MonteCarloInference() {
    }

    /**
     * Mean over batches of the accuracy of the Monte-Carlo averaged prediction.
     *
     * @param samples S, the number of sampled masks per batch
     */
    public static double accuracy(MultiLayerNetwork net, BatchIterator data, int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one sample, got " + samples);
        }
        double accuracySum = 0;
        int batches = 0;
        for (DataSet batch : data.epoch()) {
            INDArray mean = net.output(batch.getFeatures(), true).dup();
            for (int s = 1; s < samples; s++) {
                mean.addi(net.output(batch.getFeatures(), true));
            }
            accuracySum += Metrics.accuracy(mean.divi(samples), batch.getLabels());
            batches++;
        }
        return accuracySum / batches;
    }
}
