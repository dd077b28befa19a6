package org.convergence4j.models;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * One row of the {@link Heads} registry: the fully connected part that follows the TestNetwork's
 * convolutional trunk. A head is a stack of hidden blocks (196 → 128 → 128 in the seminar) and an
 * output block (128 → 10) that must end in a 10-way softmax with negative log-likelihood.
 *
 * @param name short name used in file names and tables, e.g. {@code Baseline}
 * @param description the layers in the seminar's notation, e.g. {@code Linear–ReLU ×2 → Linear}
 * @param part the seminar part that studies it: 2 (Dropout vs DropConnect) or 3 (normalization)
 * @param beyondSeminar true for variants this project adds to the seminar's five
 * @param analyses the measurements made on a trained network of this variant, beyond its history
 * @param hidden builds the layers of one hidden block from its fan-in and fan-out
 * @param output builds the output block from its fan-in and the number of classes
 */
public record Head(String name, String description, int part, boolean beyondSeminar, Set<Analysis> analyses,
        Block hidden, Block output) {

    /** Copies the set. */
    public Head {
        analyses = analyses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(analyses));
    }

    /** Lower-case name for file names, e.g. {@code dropconnect}. */
    public String fileStem() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Measurements made on a trained network, beyond its per-epoch history. */
    public enum Analysis {
        /** Test accuracy with Monte-Carlo averaging over sampled masks vs the mean-weight rule. */
        MONTE_CARLO_INFERENCE,
        /** Training-mode outputs with batch size 1 vs a full batch. */
        BATCH_DEPENDENCE,
        /** Per-layer activation and gradient std recorded during training (first seed only). */
        LAYER_STATS
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
}
