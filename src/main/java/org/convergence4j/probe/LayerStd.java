package org.convergence4j.probe;

/**
 * The spread of the signal through one dense layer on one batch: unbiased standard deviations over
 * all {@code N × width} elements (see {@link StdProbe}).
 *
 * @param layer 1-based position of the dense layer; layer 1 reads the images, the last is the output
 * @param fanIn {@code nIn}, the width of the layer's input
 * @param fanOut {@code nOut}, the width of its output
 * @param activationStd std of the layer's input {@code aₗ₋₁} (the notebook's forward hook)
 * @param inputGradStd std of {@code dL/daₗ₋₁}, the loss gradient with respect to that input
 * @param preactGradStd std of {@code dL/dzₗ}, the gradient with respect to the pre-activation
 */
public record LayerStd(int layer, long fanIn, long fanOut, double activationStd, double inputGradStd,
        double preactGradStd) {
}
