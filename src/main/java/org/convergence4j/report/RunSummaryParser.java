package org.convergence4j.report;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import org.convergence4j.report.RunSummary.BatchDependence;
import org.convergence4j.report.RunSummary.Configuration;
import org.convergence4j.report.RunSummary.DropConnectInference;
import org.convergence4j.report.RunSummary.LayerStats;
import org.convergence4j.report.RunSummary.VariantRuns;

/** Reads {@code summary.json} into a {@link RunSummary}, naming the file and field of any problem. */
final class RunSummaryParser {

    private final Path source;

    private RunSummaryParser(Path source) {
        this.source = source;
    }

    static RunSummary read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage()
                    + "; run the training sections first to write it", e);
        }
        RunSummaryParser parser = new RunSummaryParser(file);
        try {
            return parser.parse(new JsonParser().parse(text).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw parser.invalid("the file", "is not a JSON object of the expected shape (" + e.getMessage() + ")");
        }
    }

    private RunSummary parse(JsonObject root) {
        JsonObject variants = object(root, "variants", "");
        Map<String, VariantRuns> runs = new LinkedHashMap<>();
        Configuration configuration = configuration(object(root, "configuration", ""));
        for (Map.Entry<String, JsonElement> e : variants.entrySet()) {
            runs.put(e.getKey(), variant(e.getKey(), e.getValue().getAsJsonObject(), configuration.epochs()));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        if (root.has("environment")) {
            object(root, "environment", "").entrySet().forEach(e -> environment.put(e.getKey(), text(e.getValue())));
        }
        return new RunSummary(source, string(root, "dataset", ""), configuration, Collections.unmodifiableMap(environment),
                Collections.unmodifiableMap(runs),
                root.has("dropconnect_inference")
                        ? Optional.of(dropConnect(object(root, "dropconnect_inference", ""))) : Optional.empty(),
                byVariant(root, "batch_dependence", this::batchDependence),
                byVariant(root, "layer_stats", this::layerStats));
    }

    private Configuration configuration(JsonObject c) {
        String at = "configuration.";
        int epochs = c.has("epochs") ? c.get("epochs").getAsInt() : -1;
        if (epochs < 0) {
            throw invalid(at + "epochs", "is missing or negative");
        }
        return new Configuration(epochs, longs(array(c, "seeds", at)), optionalInt(c, "batch"),
                c.has("lr") ? OptionalDouble.of(c.get("lr").getAsDouble()) : OptionalDouble.empty(),
                c.has("quick") && c.get("quick").getAsBoolean(), optionalInt(c, "train_examples"),
                optionalInt(c, "test_examples"),
                c.has("engine") ? Optional.of(c.get("engine").getAsString()) : Optional.empty());
    }

    private VariantRuns variant(String name, JsonObject v, int epochs) {
        String at = "variants." + name + ".";
        List<Long> seeds = longs(array(v, "seeds", at));
        List<List<Double>> testAccuracy = perRun(v, "test_acc", at, seeds.size());
        List<Boolean> complete = new ArrayList<>();
        if (v.has("complete")) {
            array(v, "complete", at).forEach(b -> complete.add(b.getAsBoolean()));
            requireSize(at + "complete", complete.size(), seeds.size());
        } else {
            testAccuracy.forEach(run -> complete.add(run.size() >= epochs));
        }
        List<Integer> epochsPerRun = testAccuracy.stream().map(List::size).toList();
        List<String> divergence = new ArrayList<>();
        if (v.has("divergence")) {
            array(v, "divergence", at).forEach(d -> divergence.add(d.getAsString()));
        }
        return new VariantRuns(name, v.has("description") ? string(v, "description", at) : name, optionalInt(v, "part"),
                v.has("beyond_seminar") && v.get("beyond_seminar").getAsBoolean(), seeds, testAccuracy,
                perRun(v, "test_loss", at, epochsPerRun), perRun(v, "train_acc", at, epochsPerRun),
                v.has("seconds") ? perRun(v, "seconds", at, epochsPerRun) : List.of(), List.copyOf(complete),
                List.copyOf(divergence));
    }

    private DropConnectInference dropConnect(JsonObject d) {
        String at = "dropconnect_inference.";
        List<Long> seeds = longs(array(d, "seeds", at));
        List<Double> meanWeight = doubles(array(d, "mean_weight_test_acc", at));
        List<Double> monteCarlo = doubles(array(d, "monte_carlo_test_acc", at));
        requireSize(at + "mean_weight_test_acc", meanWeight.size(), seeds.size());
        requireSize(at + "monte_carlo_test_acc", monteCarlo.size(), seeds.size());
        return new DropConnectInference(seeds, meanWeight, monteCarlo, require(d, "samples", at).getAsInt());
    }

    private BatchDependence batchDependence(String variant, JsonObject b) {
        String at = "batch_dependence." + variant + ".";
        return new BatchDependence(require(b, "max_abs_change", at).getAsDouble(),
                require(b, "changed_predictions", at).getAsInt(), require(b, "examples", at).getAsInt());
    }

    private LayerStats layerStats(String variant, JsonObject s) {
        String at = "layer_stats." + variant + ".";
        List<Integer> iterations = new ArrayList<>();
        array(s, "iterations", at).forEach(i -> iterations.add(i.getAsInt()));
        List<String> layers = new ArrayList<>();
        array(s, "layers", at).forEach(l -> layers.add(l.getAsString()));
        List<List<Double>> std = new ArrayList<>();
        for (JsonElement row : array(s, "activation_std", at)) {
            List<Double> values = doubles(row.getAsJsonArray());
            requireSize(at + "activation_std[" + std.size() + "]", values.size(), layers.size());
            std.add(values);
        }
        requireSize(at + "activation_std", std.size(), iterations.size());
        return new LayerStats(require(s, "seed", at).getAsLong(), List.copyOf(iterations), List.copyOf(layers),
                List.copyOf(std));
    }

    private <T> Map<String, T> byVariant(JsonObject root, String key, PerVariant<T> parse) {
        if (!root.has(key)) {
            return Map.of();
        }
        Map<String, T> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : object(root, key, "").entrySet()) {
            values.put(e.getKey(), parse.apply(e.getKey(), e.getValue().getAsJsonObject()));
        }
        return Collections.unmodifiableMap(values);
    }

    @FunctionalInterface
    private interface PerVariant<T> {
        T apply(String variant, JsonObject section);
    }

    /** An array of arrays, one per run, then one value per epoch trained so far. */
    private List<List<Double>> perRun(JsonObject v, String key, String at, int runs) {
        JsonArray outer = array(v, key, at);
        requireSize(at + key, outer.size(), runs);
        List<List<Double>> values = new ArrayList<>();
        outer.forEach(run -> values.add(doubles(run.getAsJsonArray())));
        return List.copyOf(values);
    }

    /** As {@link #perRun(JsonObject, String, String, int)}, with as many epochs per run as test_acc has. */
    private List<List<Double>> perRun(JsonObject v, String key, String at, List<Integer> epochsPerRun) {
        List<List<Double>> values = perRun(v, key, at, epochsPerRun.size());
        for (int r = 0; r < values.size(); r++) {
            requireSize(at + key + "[" + r + "]", values.get(r).size(), epochsPerRun.get(r));
        }
        return values;
    }

    private static List<Double> doubles(JsonArray array) {
        return convert(array, JsonElement::getAsDouble);
    }

    private static List<Long> longs(JsonArray array) {
        return convert(array, JsonElement::getAsLong);
    }

    private static <T> List<T> convert(JsonArray array, Function<JsonElement, T> element) {
        List<T> values = new ArrayList<>(array.size());
        array.forEach(e -> values.add(element.apply(e)));
        return List.copyOf(values);
    }

    private static OptionalInt optionalInt(JsonObject o, String key) {
        return o.has(key) ? OptionalInt.of(o.get(key).getAsInt()) : OptionalInt.empty();
    }

    /** A string as written; numbers keep their JSON text (e.g. {@code 2}, not {@code 2.0}). */
    private static String text(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsJsonPrimitive().getAsString() : e.toString();
    }

    private JsonObject object(JsonObject o, String key, String at) {
        return require(o, key, at).getAsJsonObject();
    }

    private JsonArray array(JsonObject o, String key, String at) {
        return require(o, key, at).getAsJsonArray();
    }

    private String string(JsonObject o, String key, String at) {
        return require(o, key, at).getAsString();
    }

    private JsonElement require(JsonObject o, String key, String at) {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            throw invalid(at + key, "is missing");
        }
        return o.get(key);
    }

    private void requireSize(String field, int size, int expected) {
        if (size != expected) {
            throw invalid(field, "has " + size + " entries, expected " + expected);
        }
    }

    private IllegalArgumentException invalid(String field, String problem) {
        return new IllegalArgumentException(source + ": " + field + " " + problem
                + "; rerun the training sections to rewrite the summary");
    }
}
