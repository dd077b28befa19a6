package org.convergence4j.probe;

import java.util.OptionalDouble;
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

    /** The same summary with every mean and sd rounded by {@link Float32Figures#round}. */
    public LayerSummary rounded() {
        return new LayerSummary(layer, fanIn, fanOut, round(activationStd), round(inputGradStd), round(preactGradStd));
    }

    private static Spread round(Spread s) {
        return new Spread(s.n(), Float32Figures.round(s.mean()), s.sd().isPresent()
                ? OptionalDouble.of(Float32Figures.round(s.sdValue())) : OptionalDouble.empty());
    }
}
