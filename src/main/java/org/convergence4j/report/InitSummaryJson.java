package org.convergence4j.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.convergence4j.models.DeepMlp;
import org.convergence4j.probe.ConfigurationResult;

/**
 * {@code summary.json} of the initialization study: one object per configuration, keyed by its
 * {@code InitConfiguration.key()} ({@code a}–{@code f}, {@code relu_xavier}, {@code tanh_he}), with
 * {@code forward_std} and {@code backward_std} (mean over seeds, one value per dense layer, input
 * layer first), their mean-field expectation where one exists, and a description. {@link #read}
 * gives the file back for the write-ups.
 */
public final class InitSummaryJson {

    /** What the arrays hold, written into every entry so that the file explains itself. */
    static final String NOTE = "forward_std[l]: std of the input of dense layer l+1 (index 0: the images). "
            + "backward_std[l]: std of dL/d(input) of dense layer l+1, L = mean NLL over the batch; the "
            + "notebook's legacy backward hook printed grad_input[0], which for nn.Linear is the bias gradient, "
            + "not this. Stds are unbiased over all batch x unit elements (as torch .std()), averaged over "
            + "initialization seeds; *_theory is the infinite-width mean-field expectation.";

    /**
     * One configuration as read back from the file.
     *
     * @param key the configuration's key, e.g. {@code a} or {@code relu_xavier}
     * @param description architecture, activation and initialization in one line
     * @param sizes the layer widths, input first
     * @param activation {@code tanh} or {@code relu}
     * @param seeds initialization seeds averaged over
     * @param forwardStd per dense layer, the std of its input (index 0: the images)
     * @param backwardStd per dense layer, the std of dL/d(its input)
     * @param forwardTheory the mean-field expectation of {@code forwardStd}, if there is one
     * @param backwardTheory the mean-field expectation of {@code backwardStd}, if there is one
     */
    public record Entry(String key, String description, List<Integer> sizes, String activation, int seeds, List<Double> forwardStd,
            List<Double> backwardStd, Optional<List<Double>> forwardTheory, Optional<List<Double>> backwardTheory) {
    }

    private InitSummaryJson() {
    }

    /**
     * Reads a file written by {@link #write}, in its order.
     *
     * @throws UncheckedIOException naming the file if it cannot be read
     * @throws IllegalArgumentException naming the file and the configuration if it is malformed
     */
    public static List<Entry> read(Path file) {
        JsonObject root;
        try {
            root = new JsonParser().parse(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not a JSON object; rerun Part 1 to rewrite it", e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : root.entrySet()) {
            try {
                JsonObject o = e.getValue().getAsJsonObject();
                List<Integer> sizes = new ArrayList<>();
                o.getAsJsonArray("sizes").forEach(v -> sizes.add(v.getAsInt()));
                entries.add(new Entry(e.getKey(), o.get("description").getAsString(), List.copyOf(sizes),
                        o.get("activation").getAsString(),
                        o.get("seeds").getAsInt(), doubles(o.get("forward_std")), doubles(o.get("backward_std")),
                        optionalDoubles(o, "forward_std_theory"), optionalDoubles(o, "backward_std_theory")));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(file + ": configuration " + e.getKey() + " is malformed ("
                        + ex + "); rerun Part 1 to rewrite it", ex);
            }
        }
        return List.copyOf(entries);
    }

    private static List<Double> doubles(JsonElement array) {
        List<Double> values = new ArrayList<>();
        array.getAsJsonArray().forEach(v -> values.add(v.getAsDouble()));
        return List.copyOf(values);
    }

    private static Optional<List<Double>> optionalDoubles(JsonObject o, String key) {
        return o.has(key) ? Optional.of(doubles(o.get(key))) : Optional.empty();
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
