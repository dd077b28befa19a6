package org.convergence4j.train;

import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.models.Head;
import org.convergence4j.models.TestNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One seeded training run of a TestNetwork head: builds the network, seeds the shuffling and the
 * random masks from {@link RunConfig#seed()}, and trains. Two runs with equal arguments produce
 * identical histories (ND4J's random generator is per thread, so concurrent runs on separate
 * threads do not disturb each other's masks).
 */
public final class HeadRun {

    private HeadRun() {
    }

    /**
     * @param head the variant to train
     * @param weightInit initialization of the head's and trunk's weight matrices
     * @param train training set; @param test test set
     * @return the trained network and its history
     */
    public static Result run(Head head, IWeightInit weightInit, ImageDataset train, ImageDataset test, RunConfig config,
            Trainer trainer, TrainingListener... listeners) {
        MultiLayerNetwork net = TestNetwork.build(head, config.seed(), config.learningRate(), weightInit);
        Nd4j.getRandom().setSeed(config.seed());
        TrainingHistory history = trainer.train(net,
                BatchIterator.shuffled(train, config.batchSize(), config.seed()),
                BatchIterator.sequential(test, config.batchSize()), config.epochs(), listeners);
        return new Result(net, history);
    }

    /** @param network the trained network; @param history what each epoch measured */
    public record Result(MultiLayerNetwork network, TrainingHistory history) {
    }
}
