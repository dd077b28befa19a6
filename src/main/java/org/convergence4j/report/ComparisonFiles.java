package org.convergence4j.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Writes a {@link Comparison} as three files, atomically:
 * <ul>
 *   <li>{@code comparison.csv}, one row per variant: finished and configured seeds, mean and sample sd
 *       of the final test accuracy (fraction) and test loss (nats), mean final training accuracy,
 *       the mean first epoch at the threshold and that epoch per seed ({@code never} if not reached);</li>
 *   <li>{@code pairwise.csv}, one row per pair: {@code diff} = mean final test accuracy of the first
 *       minus the second (fraction), the Welch interval {@code ci_low}, {@code ci_high}, its degrees
 *       of freedom {@code df}, and the verdict;</li>
 *   <li>{@code comparison.json}, the same numbers, from which the write-ups print.</li>
 * </ul>
 * A value that does not exist (an sd from one seed, an interval without two seeds) is an empty CSV
 * cell and a JSON {@code null}. Doubles are written in full ({@link Double#toString}).
 */
public final class ComparisonFiles {

    /** Header of {@code comparison.csv}. */
    public static final String VARIANTS_HEADER = "variant,beyond_seminar,seeds_finished,seeds_configured,"
            + "test_acc_mean,test_acc_sd,test_loss_mean,test_loss_sd,train_acc_mean,"
            + "epoch_to_" + Numbers.wholePercent(Comparison.THRESHOLD) + "_mean,"
            + "epoch_to_" + Numbers.wholePercent(Comparison.THRESHOLD) + "_per_seed";
    /** Header of {@code pairwise.csv}. */
    public static final String PAIRS_HEADER = "pair,diff,ci_low,ci_high,df,verdict";

    private ComparisonFiles() {
    }

    /** Writes the three files into {@code dir}, creating it if needed. */
    public static void write(Path dir, Comparison comparison) {
        AtomicFiles.writeString(dir.resolve("comparison.csv"), variantsCsv(comparison));
        AtomicFiles.writeString(dir.resolve("pairwise.csv"), pairsCsv(comparison));
        AtomicFiles.writeString(dir.resolve("comparison.json"), json(comparison));
    }

    /** The text of {@code comparison.csv}. */
    public static String variantsCsv(Comparison comparison) {
        StringBuilder csv = new StringBuilder(VARIANTS_HEADER).append('\n');
        for (VariantStatistics v : comparison.variants()) {
            csv.append(String.join(",", v.name(), String.valueOf(v.beyondSeminar()),
                    String.valueOf(v.finishedSeeds().size()), String.valueOf(v.seedsConfigured()),
                    mean(v.finalTestAccuracy()), sd(v.finalTestAccuracy()), mean(v.finalTestLoss()),
                    sd(v.finalTestLoss()), mean(v.finalTrainAccuracy()), cell(v.meanEpochToThreshold()),
                    v.epochsToThreshold().stream().map(ComparisonFiles::epoch).collect(Collectors.joining(";"))))
                    .append('\n');
        }
        return csv.toString();
    }

    /** The text of {@code pairwise.csv}. */
    public static String pairsCsv(Comparison comparison) {
        StringBuilder csv = new StringBuilder(PAIRS_HEADER).append('\n');
        for (PairwiseComparison p : comparison.pairs()) {
            Optional<WelchInterval> ci = p.interval();
            csv.append(String.join(",", p.first() + " vs " + p.second(), String.valueOf(p.difference()),
                    ci.map(i -> String.valueOf(i.low())).orElse(""), ci.map(i -> String.valueOf(i.high())).orElse(""),
                    ci.map(i -> String.valueOf(i.df())).orElse(""), p.verdictText())).append('\n');
        }
        return csv.toString();
    }

    /** The pretty-printed text of {@code comparison.json}. */
    public static String json(Comparison comparison) {
        JsonObject root = new JsonObject();
        root.addProperty("level", comparison.level());
        root.addProperty("threshold", comparison.threshold());
        JsonObject variants = new JsonObject();
        for (VariantStatistics v : comparison.variants()) {
            JsonObject o = new JsonObject();
            o.addProperty("beyond_seminar", v.beyondSeminar());
            o.addProperty("seeds_configured", v.seedsConfigured());
            o.addProperty("seeds_finished", v.finishedSeeds().size());
            JsonArray seeds = new JsonArray();
            v.finishedSeeds().forEach(seeds::add);
            o.add("finished_seeds", seeds);
            o.add("final_test_acc", spread(v.finalTestAccuracy()));
            o.add("final_test_loss", spread(v.finalTestLoss()));
            o.add("final_train_acc", spread(v.finalTrainAccuracy()));
            JsonArray epochs = new JsonArray();
            v.epochsToThreshold().forEach(e -> epochs.add(e.isPresent() ? new JsonPrimitive(e.getAsInt()) : JsonNull.INSTANCE));
            o.add("epoch_to_threshold", epochs);
            o.add("mean_epoch_to_threshold", number(v.meanEpochToThreshold()));
            o.addProperty("training_seconds", v.trainingSeconds());
            variants.add(v.name(), o);
        }
        root.add("variants", variants);
        JsonArray pairs = new JsonArray();
        for (PairwiseComparison p : comparison.pairs()) {
            JsonObject o = new JsonObject();
            o.addProperty("first", p.first());
            o.addProperty("second", p.second());
            o.addProperty("diff", p.difference());
            Optional<WelchInterval> ci = p.interval();
            o.add("ci_low", number(ci.map(WelchInterval::low)));
            o.add("ci_high", number(ci.map(WelchInterval::high)));
            o.add("df", number(ci.map(WelchInterval::df)));
            o.addProperty("verdict", p.verdictText());
            pairs.add(o);
        }
        root.add("pairs", pairs);
        JsonArray missing = new JsonArray();
        comparison.missing().forEach(missing::add);
        root.add("missing", missing);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonElement spread(Optional<Spread> spread) {
        if (spread.isEmpty()) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("n", spread.get().n());
        o.addProperty("mean", spread.get().mean());
        o.add("sd", number(spread.get().sd()));
        return o;
    }

    private static JsonElement number(Optional<Double> value) {
        return value.<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE);
    }

    private static JsonElement number(OptionalDouble value) {
        return value.isPresent() ? new JsonPrimitive(value.getAsDouble()) : JsonNull.INSTANCE;
    }

    private static String mean(Optional<Spread> spread) {
        return spread.map(s -> String.valueOf(s.mean())).orElse("");
    }

    private static String sd(Optional<Spread> spread) {
        return spread.map(s -> cell(s.sd())).orElse("");
    }

    private static String cell(OptionalDouble value) {
        return value.isPresent() ? String.valueOf(value.getAsDouble()) : "";
    }

    private static String epoch(OptionalInt epoch) {
        return epoch.isPresent() ? String.valueOf(epoch.getAsInt()) : "never";
    }
}
