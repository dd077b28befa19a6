package org.convergence4j.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.convergence4j.models.Head;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.probe.TrainingSample;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.ExperimentSettings;
import org.convergence4j.train.RunRecord;

/**
 * {@code results/summary.json}: every stored run's per-epoch metrics, keyed by variant with arrays
 * indexed [seed][epoch], the analyses (Monte-Carlo DropConnect inference, batch dependence,
 * per-layer statistics during training), the configuration and the environment it ran in.
 * Accuracies are fractions in [0, 1], losses nats per example, times seconds.
 */
public final class SummaryJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private SummaryJson() {
    }

    /**
     * Writes the summary of {@code runs} (any order) for the variants {@code heads}, atomically.
     *
     * @param quick whether the runs are a {@code --quick} smoke run (recorded so the write-ups give
     *     the command that reproduces them)
     */
    public static void write(Path file, ExperimentSettings settings, boolean quick, List<Long> seeds, List<Head> heads,
            List<RunRecord> runs) {
        JsonObject root = new JsonObject();
        root.addProperty("dataset", settings.dataset());
        JsonObject configuration = RunStore.settingsJson(settings);
        configuration.add("seeds", GSON.toJsonTree(seeds));
        configuration.addProperty("quick", quick);
        root.add("configuration", configuration);
        root.add("environment", environment());
        JsonObject variants = new JsonObject();
        JsonObject dropConnect = new JsonObject();
        JsonObject dependence = new JsonObject();
        JsonObject layerStats = new JsonObject();
        for (Head head : heads) {
            List<RunRecord> own = runs.stream().filter(r -> r.variant().equals(head.name()))
                    .sorted(Comparator.comparingLong(RunRecord::seed)).toList();
            if (own.isEmpty()) {
                continue;
            }
            variants.add(head.name(), variant(head, own));
            if (own.stream().anyMatch(r -> r.monteCarloAccuracy().isPresent())) {
                List<RunRecord> measured = own.stream().filter(r -> r.monteCarloAccuracy().isPresent()).toList();
                dropConnect.add("seeds", GSON.toJsonTree(measured.stream().map(RunRecord::seed).toList()));
                dropConnect.add("mean_weight_test_acc",
                        GSON.toJsonTree(measured.stream().map(r -> r.history().last().testAccuracy()).toList()));
                dropConnect.add("monte_carlo_test_acc",
                        GSON.toJsonTree(measured.stream().map(r -> r.monteCarloAccuracy().orElseThrow()).toList()));
                dropConnect.addProperty("samples", RunRecord.MONTE_CARLO_SAMPLES);
            }
            own.stream().filter(r -> r.batchDependence().isPresent()).findFirst().ifPresent(r -> {
                JsonObject d = new JsonObject();
                d.addProperty("seed", r.seed());
                d.addProperty("max_abs_change", r.batchDependence().orElseThrow().maxAbsChange());
                d.addProperty("changed_predictions", r.batchDependence().orElseThrow().changedPredictions());
                d.addProperty("examples", r.batchDependence().orElseThrow().examples());
                dependence.add(head.name(), d);
            });
            own.stream().filter(r -> !r.layerStats().isEmpty()).findFirst()
                    .ifPresent(r -> layerStats.add(head.name(), layerStats(r, TestNetwork.layerNames(head))));
        }
        root.add("variants", variants);
        if (dropConnect.size() > 0) {
            root.add("dropconnect_inference", dropConnect);
        }
        if (dependence.size() > 0) {
            root.add("batch_dependence", dependence);
        }
        if (layerStats.size() > 0) {
            root.add("layer_stats", layerStats);
        }
        AtomicFiles.writeString(file, GSON.toJson(root) + "\n");
    }

    private static JsonObject variant(Head head, List<RunRecord> runs) {
        JsonObject v = new JsonObject();
        v.addProperty("description", head.description());
        v.addProperty("part", head.part());
        v.addProperty("beyond_seminar", head.beyondSeminar());
        v.add("seeds", GSON.toJsonTree(runs.stream().map(RunRecord::seed).toList()));
        v.add("test_acc", perSeed(runs, EpochMetrics::testAccuracy));
        v.add("test_loss", perSeed(runs, EpochMetrics::testLoss));
        v.add("train_acc", perSeed(runs, EpochMetrics::trainAccuracy));
        v.add("train_loss", perSeed(runs, EpochMetrics::trainLoss));
        v.add("seconds", perSeed(runs, EpochMetrics::seconds));
        v.add("complete", GSON.toJsonTree(runs.stream().map(RunRecord::complete).toList()));
        JsonArray diverged = new JsonArray();
        runs.forEach(r -> r.divergence().ifPresent(diverged::add));
        if (diverged.size() > 0) {
            v.add("divergence", diverged);
        }
        return v;
    }

    private static JsonArray perSeed(List<RunRecord> runs, ToDoubleFunction<EpochMetrics> metric) {
        JsonArray seeds = new JsonArray();
        for (RunRecord r : runs) {
            seeds.add(GSON.toJsonTree(r.history().epochs().stream().mapToDouble(metric).toArray()));
        }
        return seeds;
    }

    /** @param names the network's layer names; sample l is the std of layer l's input */
    private static JsonObject layerStats(RunRecord run, List<String> names) {
        JsonObject o = new JsonObject();
        o.addProperty("seed", run.seed());
        List<TrainingSample> samples = run.layerStats();
        o.add("iterations", GSON.toJsonTree(samples.stream().map(TrainingSample::iteration).toList()));
        int layers = samples.get(0).activationStd().size();
        o.add("layers", GSON.toJsonTree(IntStream.range(0, layers)
                .mapToObj(l -> "input of " + l + " " + (l < names.size() ? names.get(l) : "layer")).toList()));
        o.add("activation_std", GSON.toJsonTree(samples.stream().map(TrainingSample::activationStd).toList()));
        o.add("weight_grad_std", GSON.toJsonTree(samples.stream().map(TrainingSample::weightGradStd).toList()));
        return o;
    }

    private static JsonObject environment() {
        JsonObject e = new JsonObject();
        e.addProperty("java", System.getProperty("java.version"));
        e.addProperty("dl4j", "1.0.0-M2.1");
        e.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        e.addProperty("cores", Runtime.getRuntime().availableProcessors());
        e.addProperty("date", Instant.now().toString());
        return e;
    }
}
