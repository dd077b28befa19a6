package org.convergence4j.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.convergence4j.models.DeepMlp;
import org.convergence4j.probe.ConfigurationResult;

/**
 * {@code summary.json} of the initialization study: one object per configuration, keyed by its
 * {@code InitConfiguration.key()} ({@code a}–{@code f}, {@code relu_xavier}, {@code tanh_he}), with
 * {@code forward_std} and {@code backward_std} (mean over seeds, one value per dense layer, input
 * layer first), their mean-field expectation where one exists, and a description.
 */
public final class InitSummaryJson {

    /** What the arrays hold, written into every entry so that the file explains itself. */
    static final String NOTE = "forward_std[l]: std of the input of dense layer l+1 (index 0: the images). "
            + "backward_std[l]: std of dL/d(input) of dense layer l+1, L = mean NLL over the batch; the "
            + "notebook's legacy backward hook printed grad_input[0], which for nn.Linear is the bias gradient, "
            + "not this. Stds are unbiased over all batch x unit elements (as torch .std()), averaged over "
            + "initialization seeds; *_theory is the infinite-width mean-field expectation.";

    private InitSummaryJson() {
    }

    /** Atomically writes the summary of {@code results}, in their order. */
    public static void write(Path file, List<ConfigurationResult> results) {
        AtomicFiles.writeString(file, format(results));
    }

    /** The pretty-printed JSON text. */
    public static String format(List<ConfigurationResult> results) {
        JsonObject root = new JsonObject();
        for (ConfigurationResult r : results) {
            DeepMlp mlp = r.configuration().mlp();
            JsonObject entry = new JsonObject();
            entry.addProperty("description", r.configuration().description());
            entry.add("sizes", numbers(mlp.sizes()));
            String key = r.configuration().key();
            entry.addProperty("activation", mlp.activation().name().toLowerCase(Locale.ROOT));
            entry.addProperty("initializer", mlp.init().toString());
            entry.addProperty("seeds", r.seeds());
            entry.add("forward_std", finite(key, "forward_std", r.forwardStd()));
            entry.add("backward_std", finite(key, "backward_std", r.backwardStd()));
            r.theory().ifPresent(t -> {
                entry.add("forward_std_theory", finite(key, "forward_std_theory", t.forwardStd()));
                entry.add("backward_std_theory", finite(key, "backward_std_theory", t.backwardStd()));
            });
            entry.addProperty("note", NOTE);
            root.add(r.configuration().key(), entry);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /** JSON has no NaN or infinity; a non-finite std means an overflow upstream, so fail loudly. */
    private static JsonArray finite(String key, String name, List<Double> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException("configuration " + key + ": " + name + "[" + i + "] is "
                        + values.get(i) + "; JSON cannot hold it, check the run for an overflow");
            }
        }
        return numbers(values);
    }

    private static JsonArray numbers(List<? extends Number> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
