package org.convergence4j.models;

import java.util.List;
import java.util.NoSuchElementException;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The registry of heads: every experiment variant is one row here, and everything else (training,
 * results, plots, reports) iterates over the rows. Adding a variant is adding a row.
 */
public final class Heads {

    /** Baseline: Linear–ReLU, Linear–ReLU, Linear (196 → 128 → 128 → 10). */
    public static final Head BASELINE = new Head("Baseline", "Linear–ReLU ×2 → Linear",
            (nIn, nOut) -> List.of(dense(nIn, nOut, Activation.RELU)),
            Heads::softmaxOutput);

    private static final List<Head> ALL = List.of(BASELINE);

    private Heads() {
    }

    /** All variants, in the seminar's order. */
    public static List<Head> all() {
        return ALL;
    }

    /**
     * The head called {@code name} (case-insensitive).
     *
     * @throws NoSuchElementException listing the known names
     */
    public static Head byName(String name) {
        return ALL.stream().filter(h -> h.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("unknown variant '" + name + "'; known: "
                        + ALL.stream().map(Head::name).toList()));
    }

    /** A fully connected layer y = act(x·W + b). */
    static DenseLayer dense(int nIn, int nOut, Activation activation) {
        return new DenseLayer.Builder().nIn(nIn).nOut(nOut).activation(activation).build();
    }

    /** The seminar's last Linear followed by LogSoftmax and NLLLoss: softmax output, NLL loss. */
    static List<Layer> softmaxOutput(int nIn, int classes) {
        return List.of(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nIn(nIn).nOut(classes).activation(Activation.SOFTMAX).build());
    }
}
