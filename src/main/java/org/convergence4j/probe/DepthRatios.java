package org.convergence4j.probe;

import java.util.List;

/**
 * How much the std of a net's signal changes through its depth at initialization, per initialization seed: the size
 * of the log ratio of the std at the last hidden layer to the first,
 * <pre>
 *   r = |log₂(σ_last / σ_first)|,
 * </pre>
 * for the activations (the outputs of the first and last hidden layers, forward) and for the gradients of the loss
 * with respect to those outputs (backward). r = 1 is a factor of 2 between the two layers, in either direction.
 *
 * @param activations r of the activations, one per seed in seed order
 * @param gradients r of the gradients, one per seed in seed order
 */
public record DepthRatios(List<Double> activations, List<Double> gradients) {

    /** Copies the lists. @throws IllegalArgumentException unless both have one value per seed */
    public DepthRatios {
        activations = List.copyOf(activations);
        gradients = List.copyOf(gradients);
        if (activations.size() != gradients.size()) {
            throw new IllegalArgumentException("one ratio per seed for both: " + activations.size() + " activation "
                    + "and " + gradients.size() + " gradient ratios");
        }
    }

    /**
     * The ratios of one seed's per-layer stds, dense layer 1 first: the first hidden layer's output is the input
     * of dense layer 2, the last hidden layer's the input of the last dense layer.
     *
     * @throws IllegalArgumentException with fewer than 3 dense layers (two hidden layers are needed)
     */
    static double[] of(List<LayerStd> layers) {
        if (layers.size() < 3) {
            throw new IllegalArgumentException("a depth ratio needs at least two hidden layers, got "
                    + (layers.size() - 1));
        }
        LayerStd first = layers.get(1);
        LayerStd last = layers.get(layers.size() - 1);
        return new double[] {log2Size(last.activationStd() / first.activationStd()),
                log2Size(first.inputGradStd() / last.inputGradStd())};
    }

    private static double log2Size(double ratio) {
        return Math.abs(Math.log(ratio) / Math.log(2));
    }
}
