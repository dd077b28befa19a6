package org.convergence4j.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.TrainingSample;
import org.convergence4j.train.ExperimentSettings;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingHistory;

/**
 * The finished runs of one results folder: per (variant, seed) a history CSV
 * ({@code runs/<variant>-seed<k>.csv}, see {@link HistoryCsv}) and a JSON file with the settings,
 * the outcome and the analyses ({@code runs/<variant>-seed<k>.json}). Both are written atomically,
 * the JSON last: a run counts as stored only when its JSON exists, so a run killed mid-way leaves
 * nothing that could be mistaken for a result.
 */
public final class RunStore {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private final Path runs;

    /** @param folder the part's results folder, e.g. {@code results/part2-dropout} */
    public RunStore(Path folder) {
        this.runs = folder.resolve("runs");
    }

    /** Stores a run, replacing an earlier one of the same variant and seed. */
    public void save(RunRecord run) {
        HistoryCsv.write(csv(run.variant(), run.seed()), run.history());
        AtomicFiles.writeString(json(run.variant(), run.seed()), GSON.toJson(toJson(run)) + "\n");
    }

    /**
     * The stored run of {@code variant} and {@code seed} if it was made with {@code settings} and
     * either completed or diverged (a divergence is a result too); empty otherwise.
     *
     * @throws IOException naming the file if a stored run is unreadable
     */
    public Optional<RunRecord> find(String variant, long seed, ExperimentSettings settings) throws IOException {
        Path json = json(variant, seed);
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        JsonObject o;
        try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            o = new JsonParser().parse(reader).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(json + ": not a run record (" + e.getMessage() + ")", e);
        }
        if (!settingsJson(settings).equals(o.get("settings"))) {
            return Optional.empty();
        }
        TrainingHistory history = new TrainingHistory(HistoryCsv.read(csv(variant, seed)),
                o.get("stopped_early").getAsBoolean());
        RunRecord run = new RunRecord(variant, seed, settings, history, optionalString(o, "divergence"),
                o.has("monte_carlo_test_acc") ? Optional.of(o.get("monte_carlo_test_acc").getAsDouble()) : Optional.empty(),
                o.has("batch_dependence") ? Optional.of(batchDependence(o.getAsJsonObject("batch_dependence")))
                        : Optional.empty(),
                o.has("layer_stats") ? layerStats(o.getAsJsonArray("layer_stats")) : List.of());
        return run.complete() || run.divergence().isPresent() ? Optional.of(run) : Optional.empty();
    }

    private Path csv(String variant, long seed) {
        return runs.resolve(stem(variant, seed) + ".csv");
    }

    private Path json(String variant, long seed) {
        return runs.resolve(stem(variant, seed) + ".json");
    }

    private static String stem(String variant, long seed) {
        return variant.toLowerCase(Locale.ROOT) + "-seed" + seed;
    }

    private static JsonObject toJson(RunRecord run) {
        JsonObject o = new JsonObject();
        o.addProperty("variant", run.variant());
        o.addProperty("seed", run.seed());
        o.add("settings", settingsJson(run.settings()));
        o.addProperty("epochs_completed", run.history().epochs().size());
        o.addProperty("stopped_early", run.history().stoppedEarly());
        run.divergence().ifPresent(d -> o.addProperty("divergence", d));
        run.monteCarloAccuracy().ifPresent(a -> {
            o.addProperty("monte_carlo_test_acc", a);
            o.addProperty("monte_carlo_samples", RunRecord.MONTE_CARLO_SAMPLES);
        });
        run.batchDependence().ifPresent(b -> {
            JsonObject d = new JsonObject();
            d.addProperty("max_abs_change", b.maxAbsChange());
            d.addProperty("changed_predictions", b.changedPredictions());
            d.addProperty("examples", b.examples());
            o.add("batch_dependence", d);
        });
        if (!run.layerStats().isEmpty()) {
            JsonArray samples = new JsonArray();
            for (TrainingSample s : run.layerStats()) {
                JsonObject j = new JsonObject();
                j.addProperty("iteration", s.iteration());
                j.addProperty("epoch", s.epoch());
                j.add("activation_std", GSON.toJsonTree(s.activationStd()));
                j.add("weight_grad_std", GSON.toJsonTree(s.weightGradStd()));
                samples.add(j);
            }
            o.add("layer_stats", samples);
        }
        return o;
    }

    /** The settings as JSON; equality of these objects decides whether a stored run is reused. */
    static JsonObject settingsJson(ExperimentSettings s) {
        JsonObject o = new JsonObject();
        o.addProperty("dataset", s.dataset());
        o.addProperty("epochs", s.epochs());
        o.addProperty("lr", s.learningRate());
        o.addProperty("batch", s.batchSize());
        o.addProperty("train_examples", s.trainExamples());
        o.addProperty("engine", s.engine().name());
        return o;
    }

    private static Optional<String> optionalString(JsonObject o, String key) {
        return o.has(key) ? Optional.of(o.get(key).getAsString()) : Optional.empty();
    }

    private static BatchDependence batchDependence(JsonObject d) {
        return new BatchDependence(d.get("max_abs_change").getAsDouble(), d.get("changed_predictions").getAsInt(),
                d.get("examples").getAsInt());
    }

    private static List<TrainingSample> layerStats(JsonArray samples) {
        List<TrainingSample> out = new ArrayList<>();
        for (JsonElement e : samples) {
            JsonObject j = e.getAsJsonObject();
            out.add(new TrainingSample(j.get("iteration").getAsInt(), j.get("epoch").getAsInt(),
                    doubles(j.getAsJsonArray("activation_std")), doubles(j.getAsJsonArray("weight_grad_std"))));
        }
        return out;
    }

    private static List<Double> doubles(JsonArray a) {
        List<Double> out = new ArrayList<>(a.size());
        for (JsonElement e : a) {
            out.add(e.isJsonNull() ? Double.NaN : e.getAsDouble());
        }
        return out;
    }
}
