package org.convergence4j.persistence;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convergence4j.models.DeepMlp;
import org.convergence4j.persistence.Json.JsonFileException;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.NetSummary;

/**
 * {@code summary.json} of the initialization study (Part 1): per configuration ({@code a}–{@code f},
 * {@code relu_xavier}, {@code tanh_he}) the geometric mean over seeds of the forward and backward std per dense layer, their
 * mean-field expectation where one exists, and a description; written and read by the one mapper ({@link Json}).
 *
 * @param note what the arrays hold, so that the file explains itself
 * @param configurations one entry per configuration, in the study's order
 */
public record InitStudyFile(String note, List<NetSummary> configurations) {

    /** What the arrays hold. */
    static final String NOTE = "forward_std[l]: std of the input of dense layer l+1 (index 0: the images). "
            + "backward_std[l]: std of dL/d(input) of dense layer l+1, L = mean NLL over the batch; the "
            + "notebook's legacy backward hook printed grad_input[0], which for nn.Linear is the bias gradient, "
            + "not this. Stds are unbiased over all batch x unit elements (as torch .std()), geometric means over "
            + "initialization seeds (the stds vary by factors from seed to seed); *_theory is the infinite-width "
            + "mean-field expectation. depth: per seed, |log2(std at the last hidden layer / std at the first)| of "
            + "the activations and of the gradients.";

    /** The file's content for {@code results}, in their order. */
    public static InitStudyFile of(List<ConfigurationResult> results) {
        return new InitStudyFile(NOTE, results.stream().map(r -> {
            DeepMlp mlp = r.configuration().mlp();
            return new NetSummary(r.configuration().key(), r.configuration().description(), mlp.sizes(),
                    mlp.activation().name().toLowerCase(Locale.ROOT), mlp.init().toString(), r.seeds(), r.forwardStd(),
                    r.backwardStd(), r.theory().map(t -> t.forwardStd()), r.theory().map(t -> t.backwardStd()),
                    r.depth());
        }).toList());
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws JsonFileException naming the file and field if it is missing or malformed
     */
    public static InitStudyFile read(Path file) throws JsonFileException {
        return Json.read(file, InitStudyFile.class);
    }

    /** Writes it to {@code file}, atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }
}
