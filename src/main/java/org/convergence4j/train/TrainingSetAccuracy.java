package org.convergence4j.train;

import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.ImageDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained network's accuracy on the images it was trained on, in inference mode: no Dropout or DropConnect masks,
 * BatchNorm with its running statistics. Beside the test accuracy it gives the train − test gap of what the network
 * has learned, which the training accuracy recorded per epoch (a running mean with the masks on, while the weights
 * still move) does not.
 */
public final class TrainingSetAccuracy {

    private TrainingSetAccuracy() {
    }

    /**
     * The mean over mini-batches of {@code batchSize} of the batch accuracy, in the order of {@code train} (as the
     * test accuracy is measured: {@link Trainer#evaluate}).
     */
    public static double of(MultiLayerNetwork net, ImageDataset train, int batchSize) {
        return Trainer.evaluate(net, BatchIterator.sequential(train, batchSize)).accuracy();
    }
}
