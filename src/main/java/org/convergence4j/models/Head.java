package org.convergence4j.models;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The layers of one variant's head: the fully connected part that follows the TestNetwork's convolutional trunk, a
 * stack of hidden blocks (196 → widths[0] → widths[1] → …; the seminar's two of 128) and an output block (last width,
 * or 196 without hidden blocks, → 10) that must end in a 10-way softmax with negative log-likelihood.
 *
 * @param description the layers in the seminar's notation, e.g. {@code Linear → Dropout(0.3) → ReLU ×2 → Linear}
 * @param widths the units of each hidden block, in order; empty for a head that is its output block alone
 * @param hidden builds the layers of one hidden block from its fan-in and fan-out
 * @param output builds the output block from its fan-in and the number of classes
 */
public record Head(String description, List<Integer> widths, Block hidden, Block output) implements NetworkDesign {

    /** Copies the widths. @throws IllegalArgumentException if a width is not positive */
    public Head {
        widths = List.copyOf(widths);
        if (widths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("every hidden width must be ≥ 1, got " + widths);
        }
    }

    /** The seminar's shape: two hidden blocks of {@code width} units. */
    public Head(String description, int width, Block hidden, Block output) {
        this(description, List.of(width, width), hidden, output);
    }

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

    /**
     * {@inheritDoc} The TestNetwork's trunk followed by this head ({@link TestNetwork#configuration}), every weight
     * matrix drawn from PyTorch's default initialization ({@link TestNetwork#PYTORCH_DEFAULT}), trained by
     * Adam({@code learningRate}).
     */
    @Override
    public MultiLayerConfiguration configuration(long seed, double learningRate) {
        return TestNetwork.configuration(this, seed, learningRate, TestNetwork.PYTORCH_DEFAULT);
    }
}
