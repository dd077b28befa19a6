package org.convergence4j.train;

import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.ImageDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One seeded training run of a variant: builds the network its run is keyed by ({@link RunSpec#configuration()}
 * hashes the same {@link org.convergence4j.models.Variant#configuration}), seeds the shuffling and the random masks
 * from {@link RunSpec#seed()}, and trains. Two runs with equal arguments produce
 * identical histories (ND4J's random generator is per thread, so concurrent runs on separate
 * threads do not disturb each other's masks).
 */
public final class VariantRun {

    private VariantRun() {
    }

    /**
     * @param spec the variant, seed and settings
     * @param train training set (already cut to the settings' subset); @param test test set
     * @return the trained network and its history
     */
    public static Result run(RunSpec spec, ImageDataset train, ImageDataset test, Trainer trainer,
            TrainingListener... listeners) {
        TrainingSettings s = spec.settings();
        MultiLayerNetwork net = new MultiLayerNetwork(spec.variant().configuration(spec.seed(), s.learningRate()));
        net.init();
        ConvolutionEngine.available().install(net); // the engine the configuration hash names; MLPs have no convolution
        Nd4j.getRandom().setSeed(spec.seed());
        TrainingHistory history = trainer.train(net, BatchIterator.shuffled(train, s.batchSize(), spec.seed()),
                BatchIterator.sequential(test, s.batchSize()), s.epochs(), listeners);
        return new Result(net, history);
    }

    /** @param network the trained network; @param history what each epoch measured */
    public record Result(MultiLayerNetwork network, TrainingHistory history) {
    }
}
