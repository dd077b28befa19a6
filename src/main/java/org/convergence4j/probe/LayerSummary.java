package org.convergence4j.probe;

import java.util.OptionalDouble;
import org.convergence4j.statistics.GeometricSpread;

/**
 * The {@link LayerStd} of one dense layer summarized over initialization seeds, geometrically: the stds of a deep
 * net vary by factors from seed to seed ({@link GeometricSpread}).
 *
 * @param layer 1-based position of the dense layer; layer 1 reads the images
 * @param fanIn {@code nIn}
 * @param fanOut {@code nOut}
 * @param activationStd std of the layer's input
 * @param inputGradStd std of {@code dL/d(input)}
 * @param preactGradStd std of {@code dL/d(pre-activation)}
 */
public record LayerSummary(int layer, long fanIn, long fanOut, GeometricSpread activationStd,
        GeometricSpread inputGradStd, GeometricSpread preactGradStd) {

    /** The same summary with every mean and sd rounded by {@link Float32Figures#round}. */
    public LayerSummary rounded() {
        return new LayerSummary(layer, fanIn, fanOut, round(activationStd), round(inputGradStd), round(preactGradStd));
    }

    private static GeometricSpread round(GeometricSpread s) {
        return new GeometricSpread(s.n(), Float32Figures.round(s.mean()), s.factor().isPresent()
                ? OptionalDouble.of(Float32Figures.round(s.factorValue())) : OptionalDouble.empty());
    }
}
