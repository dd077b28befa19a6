package org.convergence4j.persistence;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.PairwiseComparison;
import org.convergence4j.statistics.Spread;
import org.convergence4j.statistics.VariantStatistics;
import org.convergence4j.statistics.WelchInterval;

/**
 * Writes a {@link Comparison} as three files, atomically:
 * <ul>
 *   <li>{@code comparison.csv}, one row per variant: finished and configured seeds, mean and sample sd
 *       of the end-point (fraction; {@link org.convergence4j.statistics.EndPoint}), of the final test accuracy
 *       and of the test loss (nats), mean final training accuracy,
 *       the mean first epoch at the threshold and that epoch per seed ({@code never} if not reached);</li>
 *   <li>{@code pairwise.csv}, one row per pair: {@code diff} = mean paired difference of the end-point,
 *       first minus second (fraction), the paired interval {@code paired_low}, {@code paired_high}, Welch's
 *       {@code welch_low}, {@code welch_high} with its degrees of freedom {@code welch_df}, and the verdict;</li>
 *   <li>{@code comparison.json}, the {@link Comparison} record itself, from which the write-ups print.</li>
 * </ul>
 * A value that does not exist (an sd from one seed, an interval without two seeds) is an empty CSV
 * cell and a JSON {@code null}. Doubles are written in full ({@link Double#toString}).
 */
public final class ComparisonFiles {

    private static final String THRESHOLD_PERCENT = String.format(Locale.ROOT, "%.0f", 100 * Comparison.THRESHOLD);

    /** Header of {@code comparison.csv}. */
    public static final String VARIANTS_HEADER = "variant,beyond_seminar,seeds_finished,seeds_configured,"
            + "end_point_mean,end_point_sd,test_acc_mean,test_acc_sd,test_loss_mean,test_loss_sd,train_acc_mean,"
            + "epoch_to_" + THRESHOLD_PERCENT + "_mean,epoch_to_" + THRESHOLD_PERCENT + "_per_seed";
    /** Header of {@code pairwise.csv}. */
    public static final String PAIRS_HEADER = "pair,diff,paired_low,paired_high,welch_low,welch_high,welch_df,verdict";

    private ComparisonFiles() {
    }

    /** Writes the three files of the study in {@code folder}, creating it if needed. */
    public static void write(ResultsLayout layout, String folder, Comparison comparison) {
        AtomicFiles.writeString(layout.comparisonCsv(folder), variantsCsv(comparison));
        AtomicFiles.writeString(layout.pairwiseCsv(folder), pairsCsv(comparison));
        Json.write(layout.comparisonJson(folder), comparison);
    }

    /** The text of {@code comparison.csv}. */
    public static String variantsCsv(Comparison comparison) {
        StringBuilder csv = new StringBuilder(VARIANTS_HEADER).append('\n');
        for (VariantStatistics v : comparison.variants()) {
            csv.append(String.join(",", quoted(v.variant()), String.valueOf(v.beyondSeminar()),
                    String.valueOf(v.finishedSeeds().size()), String.valueOf(v.seedsConfigured()),
                    mean(v.endPoint()), sd(v.endPoint()), mean(v.finalTestAccuracy()), sd(v.finalTestAccuracy()), mean(v.finalTestLoss()),
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
            Optional<MeanInterval> paired = p.paired();
            Optional<WelchInterval> ci = p.welch();
            csv.append(String.join(",", quoted(p.first() + " vs " + p.second()), String.valueOf(p.difference()),
                    paired.map(i -> String.valueOf(i.low())).orElse(""), paired.map(i -> String.valueOf(i.high())).orElse(""),
                    ci.map(i -> String.valueOf(i.low())).orElse(""), ci.map(i -> String.valueOf(i.high())).orElse(""),
                    ci.map(i -> String.valueOf(i.df())).orElse(""), quoted(p.verdictText()))).append('\n');
        }
        return csv.toString();
    }

    /** A CSV cell, quoted when it holds a comma (a variant with several parameters). */
    static String quoted(String cell) {
        return cell.contains(",") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** The mean, or an empty cell. */
    static String mean(Optional<Spread> spread) {
        return spread.map(s -> String.valueOf(s.mean())).orElse("");
    }

    /** The sample sd, or an empty cell (no spread, or one seed). */
    static String sd(Optional<Spread> spread) {
        return spread.map(s -> cell(s.sd())).orElse("");
    }

    private static String cell(OptionalDouble value) {
        return value.isPresent() ? String.valueOf(value.getAsDouble()) : "";
    }

    private static String epoch(OptionalInt epoch) {
        return epoch.isPresent() ? String.valueOf(epoch.getAsInt()) : "never";
    }
}
