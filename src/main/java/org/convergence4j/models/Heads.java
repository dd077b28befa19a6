package org.convergence4j.models;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.convergence4j.layers.DropConnect;
import org.convergence4j.layers.LayerNormalization;
import org.convergence4j.layers.RMSNorm;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The registry of heads: every experiment variant is one row here, and everything else (training,
 * results, plots, reports) iterates over the rows. Adding a variant is adding a row.
 */
public final class Heads {

    /** DL4J's retain probability for the seminar's {@code Dropout(0.3)}. */
    private static final double RETAIN = 0.7;

    /** Baseline: Linear–ReLU, Linear–ReLU, Linear (196 → 128 → 128 → 10). */
    public static final Head BASELINE = new Head("Baseline", "Linear–ReLU ×2 → Linear", 2, false,
            Set.of(Head.Analysis.LAYER_STATS),
            (nIn, nOut) -> List.of(dense(nIn, nOut, Activation.RELU)),
            Heads::softmaxOutput);

    /**
     * Dropout: Linear → Dropout(drop 0.3) → ReLU, twice, then Linear. PyTorch's {@code Dropout(0.3)}
     * drops with probability 0.3; DL4J's {@code DropoutLayer(0.7)} takes the <em>retain</em>
     * probability 0.7 (both scale kept units by 1/0.7 in training). Dropout is applied after the ReLU
     * here: relu(m·x/q) = m·relu(x)/q for a mask m ∈ {0, 1} and q > 0, so the order does not matter.
     */
    public static final Head DROPOUT = new Head("Dropout", "Linear → Dropout(0.3) → ReLU ×2 → Linear", 2, false,
            Set.of(),
            (nIn, nOut) -> List.of(dense(nIn, nOut, Activation.RELU), new DropoutLayer.Builder(RETAIN).build()),
            Heads::softmaxOutput);

    /**
     * DropConnect: the custom {@link DropConnect} layer (keep p = 0.8) replaces all three linear
     * layers, with ReLU between them, as the seminar's task asks (its notebook ran a single
     * 196 → 10 DropConnect layer instead).
     */
    public static final Head DROPCONNECT = new Head("DropConnect",
            "DropConnect(p=0.8) → ReLU ×2 → DropConnect(p=0.8)", 2, false, Set.of(Head.Analysis.MONTE_CARLO_INFERENCE),
            (nIn, nOut) -> List.of(new DropConnect(nIn, nOut, DropConnect.DEFAULT_P), new ActivationLayer(Activation.RELU)),
            (nIn, classes) -> List.of(new DropConnect(nIn, classes, DropConnect.DEFAULT_P), softmaxLoss()));

    /**
     * BatchNorm: Linear → BatchNorm → ReLU, twice, then Linear; 128 units (the notebook used 512 in
     * the first hidden layer). DL4J's defaults equal PyTorch's {@code BatchNorm1d}: ε = 1e-5 and
     * running statistics with decay 0.9 (PyTorch momentum 0.1).
     */
    public static final Head BATCHNORM = new Head("BatchNorm", "Linear → BatchNorm → ReLU ×2 → Linear", 3, false,
            Set.of(Head.Analysis.BATCH_DEPENDENCE, Head.Analysis.LAYER_STATS),
            (nIn, nOut) -> normalized(nIn, nOut, new BatchNormalization.Builder().nOut(nOut).build()),
            Heads::softmaxOutput);

    /** LayerNorm: Linear → {@link LayerNormalization} (per example) → ReLU, twice, then Linear. */
    public static final Head LAYERNORM = new Head("LayerNorm", "Linear → LayerNorm → ReLU ×2 → Linear", 3, false,
            Set.of(Head.Analysis.BATCH_DEPENDENCE, Head.Analysis.LAYER_STATS),
            (nIn, nOut) -> normalized(nIn, nOut, new LayerNormalization(nOut)),
            Heads::softmaxOutput);

    /**
     * RMSNorm (beyond the seminar, the worked extension layer): Linear → {@link RMSNorm} → ReLU,
     * twice, then Linear.
     */
    public static final Head RMSNORM = new Head("RMSNorm", "Linear → RMSNorm → ReLU ×2 → Linear", 3, true,
            Set.of(Head.Analysis.BATCH_DEPENDENCE),
            (nIn, nOut) -> normalized(nIn, nOut, new RMSNorm(nOut)),
            Heads::softmaxOutput);

    private static final List<Head> ALL = List.of(BASELINE, DROPOUT, DROPCONNECT, BATCHNORM, LAYERNORM, RMSNORM);

    private Heads() {
    }

    /** The variants studied in seminar part {@code part} (2 or 3), in registry order. */
    public static List<Head> ofPart(int part) {
        return ALL.stream().filter(h -> h.part() == part).toList();
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

    /** Linear → normalization → ReLU. */
    private static List<Layer> normalized(int nIn, int nOut, Layer normalization) {
        return List.of(dense(nIn, nOut, Activation.IDENTITY), normalization, new ActivationLayer(Activation.RELU));
    }

    /** Softmax and negative log-likelihood on the previous layer's output, without parameters. */
    private static LossLayer softmaxLoss() {
        return new LossLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).activation(Activation.SOFTMAX)
                .build();
    }

    /** The seminar's last Linear followed by LogSoftmax and NLLLoss: softmax output, NLL loss. */
    static List<Layer> softmaxOutput(int nIn, int classes) {
        return List.of(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nIn(nIn).nOut(classes).activation(Activation.SOFTMAX).build());
    }
}
