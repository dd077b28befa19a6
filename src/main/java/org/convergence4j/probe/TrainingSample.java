package org.convergence4j.probe;

import java.util.List;

/**
 * Per-layer spreads recorded by {@link LayerStdListener} on one training iteration, index
 * {@code l} = layer {@code l} of the network (0-based, as DL4J counts layers).
 *
 * @param iteration DL4J's iteration count when the batch was processed (0-based)
 * @param epoch DL4J's epoch count
 * @param activationStd unbiased std of each layer's input in the training-mode forward pass
 *     (dropout applied), the first being the batch itself
 * @param weightGradStd unbiased std of {@code dL/dW} of each layer for the mean loss over the batch,
 *     before the updater; {@code NaN} for a layer without a weight parameter {@code "W"}
 */
public record TrainingSample(int iteration, int epoch, List<Double> activationStd, List<Double> weightGradStd) {

    /** Copies the lists. */
    public TrainingSample {
        activationStd = List.copyOf(activationStd);
        weightGradStd = List.copyOf(weightGradStd);
    }
}
