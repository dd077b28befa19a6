package org.convergence4j.models;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * One row of the {@link Heads} registry: the fully connected part that follows the TestNetwork's
 * convolutional trunk. A head is a stack of hidden blocks (196 → 128 → 128 in the seminar) and an
 * output block (128 → 10) that must end in a 10-way softmax with negative log-likelihood.
 *
 * @param name short name used in file names and tables, e.g. {@code Baseline}
 * @param description the layers in the seminar's notation, e.g. {@code Linear–ReLU ×2 → Linear}
 * @param hidden builds the layers of one hidden block from its fan-in and fan-out
 * @param output builds the output block from its fan-in and the number of classes
 */
public record Head(String name, String description, Block hidden, Block output) {

    /** Builds the DL4J layers of one block. */
    @FunctionalInterface
    public interface Block {
        /**
         * @param nIn number of input features
         * @param nOut number of output units
         * @return the block's layers, in order
         */
        List<Layer> layers(int nIn, int nOut);
    }
}
