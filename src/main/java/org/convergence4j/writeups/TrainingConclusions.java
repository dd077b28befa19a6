package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence4j.models.Variant;
import org.convergence4j.statistics.Analyses;
import org.convergence4j.statistics.Analyses.BatchDependenceEntry;
import org.convergence4j.statistics.Analyses.DropConnectInference;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.PairwiseComparison;
import org.convergence4j.statistics.PairwiseComparison.Outcome;
import org.convergence4j.statistics.VariantStatistics;
import org.convergence4j.statistics.MeanInterval;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * The conclusions of a training study's write-up: sentences whose wording is chosen from the numbers (a
 * variant is "better" only when the interval of the difference excludes 0) and the tables of the
 * analyses beyond the seminar. Every number is formatted by {@link Numbers} from a value of
 * the study's report ({@link org.convergence4j.study.StudyReport}).
 */
final class TrainingConclusions {

    /**
     * The largest change of an output probability that float32 rounding explains: a dot product of
     * n = 196 terms summed in another order (a batch of one vs a full batch) can differ by about
     * n·ε ≈ 2.3e-5 relative (ε = 2⁻²³); BatchNorm's batch dependence is orders of magnitude larger.
     */
    static final double FLOAT_ROUNDING = 1e-4;

    private final Comparison comparison;
    private final Analyses analyses;

    /**
     * @param comparison the study's comparison
     * @param analyses what its runs measured beside their curves
     */
    TrainingConclusions(Comparison comparison, Analyses analyses) {
        this.comparison = comparison;
        this.analyses = analyses;
    }

    /** One sentence per pair, worded by its verdict. */
    List<String> pairSentences() {
        return comparison.pairs().stream().map(this::sentence).toList();
    }

    /** The mean first epoch at the threshold of each variant. */
    String epochsToThreshold() {
        Comparison c = comparison;
        List<String> parts = new ArrayList<>();
        for (VariantStatistics v : c.variants()) {
            String name = v.variant();
            if (v.epochsToThreshold().isEmpty()) {
                continue;
            }
            OptionalDouble mean = v.meanEpochToThreshold();
            parts.add("**" + name + "** " + (mean.isPresent() ? Numbers.oneDecimal(mean.getAsDouble())
                    : "never (a seed never reached it)"));
        }
        return parts.isEmpty() ? "" : "First epoch with ≥ " + Numbers.wholePercent(c.threshold())
                + "% test accuracy, mean over finished seeds: " + String.join(", ", parts) + ".";
    }

    /**
     * The variant with the highest mean end-point and how it compares with the others (and the best of the
     * seminar's variants if that one is beyond the seminar), then every resolved difference.
     */
    List<String> best() {
        Comparison c = comparison;
        List<String> lines = new ArrayList<>();
        Optional<VariantStatistics> best = highest(c.variants());
        if (best.isEmpty()) {
            return List.of("No variant has a finished seed yet.");
        }
        lines.add(standing("The highest mean end-point", best.get(), c));
        if (best.get().beyondSeminar()) {
            highest(c.variants().stream().filter(v -> !v.beyondSeminar()).toList())
                    .ifPresent(v -> lines.add(standing("Among the seminar's variants, the highest", v, c)));
        }
        List<String> resolved = c.pairs().stream()
                .filter(p -> p.corrected() == Outcome.FIRST_BETTER || p.corrected() == Outcome.SECOND_BETTER)
                .map(this::sentence).toList();
        lines.add(resolved.isEmpty() ? "No pair of variants differs significantly in the paired comparison."
                : "The significant paired differences:\n" + resolved.stream().map(l -> "  - " + l)
                        .collect(Collectors.joining("\n")));
        return lines;
    }

    private static Optional<VariantStatistics> highest(List<VariantStatistics> variants) {
        return variants.stream().filter(v -> v.endPoint().isPresent())
                .max(Comparator.comparingDouble(v -> v.endPoint().orElseThrow().mean()));
    }

    /** "{lead} is X's, a%. It is significantly better than …; equivalent within the margin to …; not resolved against …." */
    private static String standing(String lead, VariantStatistics v, Comparison c) {
        String name = v.variant();
        List<String> better = new ArrayList<>();
        List<String> equivalent = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        for (PairwiseComparison p : c.pairs()) {
            if (!p.first().equals(name) && !p.second().equals(name)) {
                continue;
            }
            String other = "**" + (p.first().equals(name) ? p.second() : p.first()) + "**";
            Outcome wins = p.first().equals(name) ? Outcome.FIRST_BETTER : Outcome.SECOND_BETTER;
            (p.corrected() == wins ? better : p.corrected() == Outcome.EQUIVALENT ? equivalent : unclear).add(other);
        }
        String text = lead + " is **" + name + "**'s, " + Numbers.percent(v.endPoint().orElseThrow().mean())
                + "%. It is significantly better than " + (better.isEmpty() ? "no other variant" : String.join(", ", better));
        if (!equivalent.isEmpty()) {
            text += "; equivalent within ±" + Numbers.percent(c.margin()) + " pp to " + String.join(", ", equivalent);
        }
        return text + (unclear.isEmpty() ? "." : "; it cannot be told apart from " + String.join(", ", unclear) + ".");
    }

    /** The Monte-Carlo inference table of the study's variants that have one, or a note that none is measured. */
    String dropConnect() {
        List<String> rows = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (VariantStatistics v : comparison.variants()) {
            DropConnectInference inference = analyses.dropconnectInference().get(v.variant());
            if (inference == null) {
                continue;
            }
            List<List<String>> table = new ArrayList<>();
            int monteCarloBetter = 0;
            for (int i = 0; i < inference.seeds().size(); i++) {
                table.add(List.of(String.valueOf(inference.seeds().get(i)),
                        Numbers.percent(inference.meanWeightTestAcc().get(i)),
                        Numbers.percent(inference.monteCarloTestAcc().get(i))));
                monteCarloBetter += inference.monteCarloTestAcc().get(i) > inference.meanWeightTestAcc().get(i) ? 1 : 0;
            }
            String paired = inference.monteCarloMinusMeanWeight().map(i -> "; the paired difference, "
                    + "Monte-Carlo − mean-weight, is " + Numbers.finePoints(i.mean()) + " pp [" + Numbers.finePoints(i.low())
                    + ", " + Numbers.finePoints(i.high()) + "] (95% t interval over " + i.n() + " seeds), "
                    + (i.low() > 0 ? "so Monte-Carlo averaging is the more accurate rule"
                            : i.high() < 0 ? "so the mean-weight rule is the more accurate one"
                            : "which does not tell the two rules apart")).orElse("");
            tables.add("**" + v.variant() + "**\n\n" + Markdown.table(List.of("seed", "mean-weight rule p·W: test accuracy (%)",
                    "Monte-Carlo average over " + inference.samples() + " masks: test accuracy (%)"), table)
                    + "\nMonte-Carlo averaging is more accurate than the mean-weight rule for " + monteCarloBetter
                    + " of " + table.size() + " seeds" + paired + ".");
            rows.add(v.variant());
        }
        return rows.isEmpty() ? "*Not measured yet.*" : String.join("\n\n", tables);
    }

    /** Whether the network of the variant {@code key} has a batch-normalization layer (batch statistics in training). */
    private static boolean batchNormalized(String key) {
        return Variant.of(key).configuration(0, 1e-3).getConfs().stream()
                .anyMatch(c -> c.getLayer() instanceof BatchNormalization);
    }

    /** The batch-dependence table with a sentence per variant of the study, or a note that it is not measured. */
    String batchDependence() {
        Map<String, BatchDependenceEntry> measured = new LinkedHashMap<>();
        comparison.variants().forEach(v -> Optional.ofNullable(analyses.batchDependence().get(v.variant()))
                .ifPresent(b -> measured.put(v.variant(), b)));
        if (measured.isEmpty()) {
            return "*Not measured yet.*";
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, BatchDependenceEntry> e : measured.entrySet()) {
            BatchDependenceEntry b = e.getValue();
            rows.add(List.of("**" + e.getKey() + "**", Numbers.std(b.maxAbsChange()),
                    b.changedPredictions() + " of " + b.examples()));
            String changes = Numbers.std(b.maxAbsChange()) + "; " + b.changedPredictions() + " of " + b.examples()
                    + " predicted classes change";
            lines.add(b.maxAbsChange() <= FLOAT_ROUNDING
                    ? "**" + e.getKey() + "**: the outputs agree within float32 rounding (largest change " + changes
                            + "): each example is normalized on its own."
                    : "**" + e.getKey() + "**: the outputs depend on the batch (largest change " + changes
                            + "): in training mode an example is normalized with the statistics of its batch."
                            + (batchNormalized(e.getKey()) ? " With a batch of one that is degenerate by construction:"
                                    + " each feature equals its own batch mean, so batch normalization outputs its"
                                    + " shift β for every image and every image gets the same prediction; the count"
                                    + " of changed classes measures how far the full-batch predictions are from one"
                                    + " constant class, not a graded sensitivity to the batch." : ""));
        }
        return Markdown.table(List.of("variant", "largest change of an output probability", "predicted classes that change"),
                rows) + "\n" + Markdown.bullets(lines);
    }

    private String sentence(PairwiseComparison p) {
        if (p.paired().isEmpty()) {
            return "**" + p.first() + "** − **" + p.second() + "** = " + Numbers.points(p.difference()) + " pp; "
                    + p.verdictText() + ".";
        }
        MeanInterval ci = p.paired().get();
        String interval = "paired " + Numbers.wholePercent(ci.level()) + "% interval " + Numbers.points(ci.low()) + " to "
                + Numbers.points(ci.high()) + " pp over " + ci.n() + " seeds";
        return switch (p.corrected()) {
            case FIRST_BETTER -> "**" + p.first() + "** is better than **" + p.second() + "** by "
                    + Numbers.percent(ci.mean()) + " pp (" + interval + ").";
            case SECOND_BETTER -> "**" + p.second() + "** is better than **" + p.first() + "** by "
                    + Numbers.percent(-ci.mean()) + " pp (" + p.first() + " − " + p.second() + ": " + interval + ").";
            case EQUIVALENT -> "**" + p.first() + "** and **" + p.second() + "** are equivalent within ±"
                    + Numbers.percent(p.margin()) + " pp (" + p.first() + " − " + p.second() + " = "
                    + Numbers.points(ci.mean()) + " pp, " + interval + ").";
            case NOT_RESOLVED, NO_INTERVAL -> "**" + p.first() + "** and **" + p.second() + "**: not resolved ("
                    + p.first() + " − " + p.second() + " = " + Numbers.points(ci.mean()) + " pp, " + interval
                    + "; half-width " + Numbers.percent(ci.halfWidth()) + " pp"
                    + p.beforeCorrection().map(b -> "; " + b).orElse("") + ").";
        };
    }

    /** Joins sentence lists into one bulleted list. */
    @SafeVarargs
    static String bullets(List<String>... groups) {
        return Markdown.bullets(Stream.of(groups).flatMap(List::stream).filter(s -> !s.isEmpty()).toList());
    }
}
