package org.convergence4j.models;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * The network a {@link Variant} trains, as its kind's {@link VariantKind.Design} describes it: either a {@link Head}
 * on the seminar's TestNetwork trunk (the variants of Parts 2–4) or one of Part 1's deep MLPs with the optimizer
 * that trains it ({@link MlpNet}). Each form builds its whole DL4J configuration in one method, which every caller
 * (the run's configuration hash, the training run) goes through via {@link Variant#configuration}.
 */
public sealed interface NetworkDesign permits Head, MlpNet {

    /** The layers in the seminar's notation, e.g. {@code Linear → Dropout(0.5) → ReLU ×2 → Linear}. */
    String description();

    /**
     * The DL4J configuration of the whole network: every layer with all its hyper-parameters, the weight
     * initializers and the updater.
     *
     * @param seed seeds the parameter initialization
     * @param learningRate the study's learning rate, Adam's (the seminar's 0.001); a design that trains with an
     *     optimizer of its own (plain SGD at its own rate) does not use it
     */
    MultiLayerConfiguration configuration(long seed, double learningRate);
}
