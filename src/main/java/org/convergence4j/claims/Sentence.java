package org.convergence4j.claims;

/**
 * The notebook's conclusions, one per sentence as it wrote them (translated from Russian), in its order: what the
 * headline of every verdict table counts. A sentence may make several claims (two variants, two assertions); its
 * verdict combines theirs by the rule of {@link ClaimVerdict}.
 */
public enum Sentence {
    /** 1.4, on Part 1. */
    INITIALIZATION("1.4", "For tanh it is better to use Xavier initialization (to avoid gradients exploding or "
            + "vanishing fast); for ReLU it is better to use He initialization."),
    /** 2.3, first sentence. */
    DROPOUT_BETTER("2.3", "The quality with Dropout is better than with DropConnect."),
    /** 2.3, second and third sentences, one thought: the gap and its cause. */
    TRAINS_WORSE("2.3", "The model's quality on the training set is clearly much worse than on the test set: zeroing "
            + "neurons or weights makes training harder."),
    /** 3.3, first sentence. */
    NORMALIZATIONS_ALIKE("3.3", "BatchNorm and LayerNorm show no visible difference in quality or in how training "
            + "behaves, though BatchNorm comes out slightly better."),
    /** 3.3, on the comparison figure. */
    PLATEAU("3.3", "On the comparison figure, the normalized models learn very fast and reach saturation after only "
            + "1–2 epochs."),
    /** 3.3, last sentence. */
    DROPCONNECT_WORSE("3.3", "DropConnect, on the contrary, does even worse than the reference model.");

    private final String section;
    private final String text;

    Sentence(String section, String text) {
        this.section = section;
        this.text = text;
    }

    /** Where the notebook writes it, e.g. {@code 2.3}. */
    public String section() {
        return section;
    }

    /** The sentence, in English. */
    public String text() {
        return text;
    }
}
