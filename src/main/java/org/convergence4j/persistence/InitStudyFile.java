package org.convergence4j.persistence;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.convergence4j.models.DeepMlp;
import org.convergence4j.persistence.Json.JsonFileException;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.DepthRatios;

/**
 * {@code summary.json} of the initialization study (Part 1): per configuration ({@code a}–{@code f},
 * {@code relu_xavier}, {@code tanh_he}) the mean over seeds of the forward and backward std per dense layer, their
 * mean-field expectation where one exists, and a description; written and read by the one mapper ({@link Json}).
 *
 * @param note what the arrays hold, so that the file explains itself
 * @param configurations one entry per configuration, in the study's order
 */
public record InitStudyFile(String note, List<Entry> configurations) {

    /** What the arrays hold. */
    static final String NOTE = "forward_std[l]: std of the input of dense layer l+1 (index 0: the images). "
            + "backward_std[l]: std of dL/d(input) of dense layer l+1, L = mean NLL over the batch; the "
            + "notebook's legacy backward hook printed grad_input[0], which for nn.Linear is the bias gradient, "
            + "not this. Stds are unbiased over all batch x unit elements (as torch .std()), geometric means over "
            + "initialization seeds (the stds vary by factors from seed to seed); *_theory is the infinite-width "
            + "mean-field expectation. depth: per seed, |log2(std at the last hidden layer / std at the first)| of "
            + "the activations and of the gradients.";

    /**
     * One configuration.
     *
     * @param key e.g. {@code a} or {@code relu_xavier}
     * @param description architecture, activation and initialization in one line
     * @param sizes the layer widths, input first
     * @param activation {@code tanh} or {@code relu}
     * @param initializer the initializer's own description
     * @param seeds initialization seeds summarized over
     * @param forwardStd per dense layer, the std of its input (index 0: the images)
     * @param backwardStd per dense layer, the std of dL/d(its input)
     * @param forwardStdTheory the mean-field expectation of {@code forwardStd}, if there is one
     * @param backwardStdTheory the mean-field expectation of {@code backwardStd}, if there is one
     * @param depth per seed, |log₂(σ_last / σ_first)| of the activations and of the gradients ({@link DepthRatios})
     */
    public record Entry(String key, String description, List<Integer> sizes, String activation, String initializer,
            int seeds, List<Double> forwardStd, List<Double> backwardStd, Optional<List<Double>> forwardStdTheory,
            Optional<List<Double>> backwardStdTheory, DepthRatios depth) {

        /** @throws IllegalArgumentException if a std is not finite: JSON holds only finite numbers here */
        public Entry {
            finite(key, "forward_std", forwardStd);
            finite(key, "backward_std", backwardStd);
            forwardStdTheory.ifPresent(t -> finite(key, "forward_std_theory", t));
            backwardStdTheory.ifPresent(t -> finite(key, "backward_std_theory", t));
            Objects.requireNonNull(depth, "depth");
        }
    }

    /** The file's content for {@code results}, in their order. */
    public static InitStudyFile of(List<ConfigurationResult> results) {
        return new InitStudyFile(NOTE, results.stream().map(r -> {
            DeepMlp mlp = r.configuration().mlp();
            return new Entry(r.configuration().key(), r.configuration().description(), mlp.sizes(),
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

    /** A non-finite std means an overflow upstream, so fail loudly rather than write it. */
    private static void finite(String key, String name, List<Double> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException("configuration " + key + ": " + name + "[" + i + "] is "
                        + values.get(i) + "; check the run for an overflow");
            }
        }
    }
}
