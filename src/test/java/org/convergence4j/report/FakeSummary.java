package org.convergence4j.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.util.List;

/**
 * A small {@code results/summary.json} in the training sections' schema, for tests: 4 configured
 * epochs, seeds 1–3, and
 * <ul>
 *   <li>Baseline, Dropout, BatchNorm, LayerNorm: 3 finished seeds each (LayerNorm's seed 3 never
 *       reaches 98%; BatchNorm is clearly better than Baseline, LayerNorm is close to BatchNorm);</li>
 *   <li>DropConnect: seeds 1 and 2 finished, seed 3 stopped after 2 epochs;</li>
 *   <li>RMSNorm: absent;</li>
 *   <li>all three optional sections present.</li>
 * </ul>
 * Accuracies climb towards their final value: {@code acc(e) = final − gap·(EPOCHS − e)/e}.
 */
public final class FakeSummary {

    /** Configured epochs. */
    public static final int EPOCHS = 4;

    private final JsonObject root = new JsonObject();

    private FakeSummary() {
        JsonObject configuration = new JsonObject();
        configuration.addProperty("epochs", EPOCHS);
        configuration.add("seeds", array(1, 2, 3));
        configuration.addProperty("batch", 128);
        configuration.addProperty("lr", 0.001);
        configuration.addProperty("quick", false);
        configuration.addProperty("train_examples", 60000);
        configuration.addProperty("test_examples", 10000);
        root.addProperty("dataset", "mnist");
        root.add("configuration", configuration);
        JsonObject environment = new JsonObject();
        environment.addProperty("java", "17.0.15");
        environment.addProperty("dl4j", "1.0.0-M2.1");
        environment.addProperty("os", "Linux 6.8 amd64");
        environment.addProperty("cores", 2);
        environment.addProperty("date", "2026-11-26T17:00:00Z");
        root.add("environment", environment);
        root.add("variants", new JsonObject());
    }

    /** The summary described in the class comment. */
    public static FakeSummary standard() {
        FakeSummary s = new FakeSummary();
        s.variant("Baseline", 2, new double[] {0.98713, 0.98547, 0.98836}, 0.031, EPOCHS, EPOCHS, EPOCHS);
        s.variant("Dropout", 2, new double[] {0.98921, 0.98684, 0.98795}, 0.042, EPOCHS, EPOCHS, EPOCHS);
        s.variant("DropConnect", 2, new double[] {0.98311, 0.98158, 0.97466}, 0.027, EPOCHS, EPOCHS, 2);
        s.variant("BatchNorm", 3, new double[] {0.99127, 0.99083, 0.99161}, 0.019, EPOCHS, EPOCHS, EPOCHS);
        s.variant("LayerNorm", 3, new double[] {0.99052, 0.99139, 0.97937}, 0.023, EPOCHS, EPOCHS, EPOCHS);

        JsonObject dropConnect = new JsonObject();
        dropConnect.add("seeds", array(1, 2));
        dropConnect.add("mean_weight_test_acc", array(0.98311, 0.98158));
        dropConnect.add("monte_carlo_test_acc", array(0.98402, 0.98139));
        dropConnect.addProperty("samples", 50);
        s.root.add("dropconnect_inference", dropConnect);

        JsonObject batch = new JsonObject();
        batch.add("BatchNorm", batchDependence(0.1274, 37, 1000));
        batch.add("LayerNorm", batchDependence(0.0, 0, 1000));
        s.root.add("batch_dependence", batch);

        JsonObject layers = new JsonObject();
        layers.add("Baseline", layerStats(1.37, 0.6));
        layers.add("BatchNorm", layerStats(0.83, 1.0));
        layers.add("LayerNorm", layerStats(0.79, 1.0));
        s.root.add("layer_stats", layers);
        return s;
    }

    /** Removes a top-level section or a variant. */
    public FakeSummary without(String key) {
        if (root.has(key)) {
            root.remove(key);
        } else {
            root.getAsJsonObject("variants").remove(key);
        }
        return this;
    }

    /** Marks DropConnect's unfinished seed 3 as diverged at its second epoch, with a NaN test loss. */
    public FakeSummary withDivergence() {
        JsonObject dropConnect = root.getAsJsonObject("variants").getAsJsonObject("DropConnect");
        dropConnect.getAsJsonArray("test_loss").get(2).getAsJsonArray().set(1, new JsonPrimitive(Double.NaN));
        JsonArray messages = new JsonArray();
        messages.add("DropConnect seed 3: loss NaN at epoch 2");
        dropConnect.add("divergence", messages);
        return this;
    }

    /** The JSON object, to modify further. */
    public JsonObject json() {
        return root;
    }

    /** Writes the file atomically and returns its path. */
    public Path writeTo(Path file) {
        // As the training sections write it: a diverged run's NaN loss is written as NaN.
        AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                .create().toJson(root));
        return file;
    }

    /**
     * Adds a variant whose run r trains {@code epochs[r]} epochs of curves ending at
     * {@code finals[r]} (the value the run would reach at the configured last epoch).
     */
    public FakeSummary variant(String name, int part, double[] finals, double gap, int... epochs) {
        JsonObject v = new JsonObject();
        v.addProperty("description", name + " head");
        v.addProperty("part", part);
        v.addProperty("beyond_seminar", false);
        JsonArray seeds = new JsonArray();
        JsonArray testAcc = new JsonArray();
        JsonArray testLoss = new JsonArray();
        JsonArray trainAcc = new JsonArray();
        JsonArray trainLoss = new JsonArray();
        JsonArray seconds = new JsonArray();
        JsonArray complete = new JsonArray();
        for (int r = 0; r < finals.length; r++) {
            seeds.add(r + 1);
            JsonArray acc = new JsonArray();
            JsonArray loss = new JsonArray();
            JsonArray train = new JsonArray();
            JsonArray trainL = new JsonArray();
            JsonArray time = new JsonArray();
            for (int e = 1; e <= epochs[r]; e++) {
                double a = finals[r] - gap * (EPOCHS - e) / e;
                acc.add(a);
                loss.add(0.5 * (1 - a) + 0.01 * r);
                train.add(a - 0.003);
                trainL.add(0.5 * (1 - a) + 0.02);
                time.add(61.5 + r + e);
            }
            testAcc.add(acc);
            testLoss.add(loss);
            trainAcc.add(train);
            trainLoss.add(trainL);
            seconds.add(time);
            complete.add(epochs[r] == EPOCHS);
        }
        v.add("seeds", seeds);
        v.add("test_acc", testAcc);
        v.add("test_loss", testLoss);
        v.add("train_acc", trainAcc);
        v.add("train_loss", trainLoss);
        v.add("seconds", seconds);
        v.add("complete", complete);
        root.getAsJsonObject("variants").add(name, v);
        return this;
    }

    private static JsonObject batchDependence(double change, int changed, int examples) {
        JsonObject o = new JsonObject();
        o.addProperty("max_abs_change", change);
        o.addProperty("changed_predictions", changed);
        o.addProperty("examples", examples);
        return o;
    }

    /** Three layers whose std moves from {@code start} towards {@code end} over 5 samples. */
    private static JsonObject layerStats(double start, double end) {
        JsonObject o = new JsonObject();
        o.addProperty("seed", 1);
        o.add("iterations", array(0, 50, 100, 150, 200));
        JsonArray names = new JsonArray();
        List.of("dense 1", "dense 2", "output").forEach(names::add);
        o.add("layers", names);
        JsonArray rows = new JsonArray();
        for (int i = 0; i < 5; i++) {
            double t = i / 4.0;
            rows.add(array(start + (end - start) * t, 1.3 * (start + (end - start) * t), 0.7 * (start + (end - start) * t)));
        }
        o.add("activation_std", rows);
        return o;
    }

    private static JsonArray array(double... values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static JsonArray array(int... values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }
}
