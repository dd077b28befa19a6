package org.convergence4j.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Batch metrics on softmax outputs and one-hot labels, both [batch, classes]. */
public final class Metrics {

    /** Probabilities are clipped here before the logarithm, as DL4J's own NLL loss does. */
    private static final double MIN_PROBABILITY = 1e-10;

    private Metrics() {
    }

    /** Fraction of rows whose most probable class is the labelled one, in [0, 1]. */
    public static double accuracy(INDArray probabilities, INDArray oneHotLabels) {
        INDArray predicted = probabilities.argMax(1);
        INDArray actual = oneHotLabels.argMax(1);
        return predicted.eq(actual).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }

    /** Mean negative log-likelihood per example, −(1/n)·Σᵢ log pᵢ[yᵢ], in nats. */
    public static double negativeLogLikelihood(INDArray probabilities, INDArray oneHotLabels) {
        INDArray pTrue = probabilities.mul(oneHotLabels).sum(1);
        return -Transforms.log(Transforms.max(pTrue, MIN_PROBABILITY, false), false).meanNumber().doubleValue();
    }
}
