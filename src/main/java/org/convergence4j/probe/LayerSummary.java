package org.convergence4j.probe;

import org.convergence4j.statistics.Spread;

/**
 * The {@link LayerStd} of one dense layer summarized over initialization seeds.
 *
 * @param layer 1-based position of the dense layer; layer 1 reads the images
 * @param fanIn {@code nIn}
 * @param fanOut {@code nOut}
 * @param activationStd std of the layer's input
 * @param inputGradStd std of {@code dL/d(input)}
 * @param preactGradStd std of {@code dL/d(pre-activation)}
 */
public record LayerSummary(int layer, long fanIn, long fanOut, Spread activationStd, Spread inputGradStd,
        Spread preactGradStd) {
}
