package org.convergence4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence4j.report.PairwiseComparison.Verdict;
import org.convergence4j.report.RunSummary.BatchDependence;
import org.convergence4j.report.RunSummary.DropConnectInference;

/**
 * The conclusions of the Part 2–4 notebooks: sentences whose wording is chosen from the numbers (a
 * variant is "better" only when the interval of the difference excludes 0) and the tables of the
 * analyses beyond the seminar. Every number is formatted by {@link Numbers} from a value of
 * {@code summary.json} or {@code comparison.json}.
 */
final class TrainingConclusions {

    /**
     * The largest change of an output probability that float32 rounding explains: a dot product of
     * n = 196 terms summed in another order (a batch of one vs a full batch) can differ by about
     * n·ε ≈ 2.3e-5 relative (ε = 2⁻²³); BatchNorm's batch dependence is orders of magnitude larger.
     */
    static final double FLOAT_ROUNDING = 1e-4;

    private final Optional<RunSummary> summary;
    private final Optional<Comparison> comparison;

    /**
     * @param summary the training summary, empty if it does not exist yet
     * @param comparison the comparison computed from it
     */
    TrainingConclusions(Optional<RunSummary> summary, Optional<Comparison> comparison) {
        this.summary = summary;
        this.comparison = comparison;
    }

    /** One sentence per pair among {@code variants}, worded by its verdict. */
    List<String> pairSentences(List<String> variants) {
        return comparison.map(c -> c.pairsAmong(variants)).orElse(List.of()).stream().map(this::sentence).toList();
    }

    /** Whether each variant's final training accuracy lies below or above its test accuracy. */
    List<String> trainVersusTest(List<String> variants) {
        List<String> lines = new ArrayList<>();
        for (String name : variants) {
            VariantStatistics v = comparison.orElseThrow().variant(name).orElseThrow();
            if (v.finalTestAccuracy().isEmpty()) {
                continue;
            }
            double train = v.finalTrainAccuracy().orElseThrow().mean();
            double test = v.finalTestAccuracy().orElseThrow().mean();
            String relation = train < test ? "below" : train > test ? "above" : "equal to";
            lines.add("**" + name + "** ends with a training accuracy of " + Numbers.percent(train) + "%, "
                    + relation + " its test accuracy of " + Numbers.percent(test) + "% (means over finished seeds).");
        }
        if (!lines.isEmpty()) {
            lines.add("Training accuracy is measured in training mode, with any masks on, as the seminar's helper does.");
        }
        return lines;
    }

    /** The mean first epoch at the threshold of each variant. */
    String epochsToThreshold(List<String> variants) {
        if (comparison.isEmpty()) {
            return "";
        }
        Comparison c = comparison.get();
        List<String> parts = new ArrayList<>();
        for (String name : variants) {
            VariantStatistics v = c.variant(name).orElseThrow();
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
     * The variant with the highest mean final test accuracy and how it compares with the others
     * (and the best of the seminar's variants if that one is beyond the seminar), then every
     * significant difference.
     */
    List<String> best() {
        if (comparison.isEmpty()) {
            return List.of();
        }
        Comparison c = comparison.get();
        List<String> lines = new ArrayList<>();
        Optional<VariantStatistics> best = highest(c.variants());
        if (best.isEmpty()) {
            return List.of("No variant has a finished seed yet.");
        }
        lines.add(standing("The highest mean final test accuracy", best.get(), c));
        if (best.get().beyondSeminar()) {
            highest(c.variants().stream().filter(v -> !v.beyondSeminar()).toList())
                    .ifPresent(v -> lines.add(standing("Among the seminar's variants, the highest", v, c)));
        }
        List<String> significant = c.pairs().stream()
                .filter(p -> p.verdict() == Verdict.FIRST_BETTER || p.verdict() == Verdict.SECOND_BETTER)
                .map(this::sentence).toList();
        lines.add(significant.isEmpty() ? "No pair of variants differs significantly."
                : "The significant differences:\n" + significant.stream().map(l -> "  - " + l)
                        .collect(Collectors.joining("\n")));
        return lines;
    }

    private static Optional<VariantStatistics> highest(List<VariantStatistics> variants) {
        return variants.stream().filter(v -> v.finalTestAccuracy().isPresent())
                .max(Comparator.comparingDouble(v -> v.finalTestAccuracy().orElseThrow().mean()));
    }

    /** "{lead} is X's, a%. It is significantly better than …; it cannot be told apart from …." */
    private static String standing(String lead, VariantStatistics v, Comparison c) {
        String name = v.name();
        List<String> better = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        for (PairwiseComparison p : c.pairs()) {
            if (!p.first().equals(name) && !p.second().equals(name)) {
                continue;
            }
            String other = "**" + (p.first().equals(name) ? p.second() : p.first()) + "**";
            boolean wins = p.verdict() == (p.first().equals(name) ? Verdict.FIRST_BETTER : Verdict.SECOND_BETTER);
            (wins ? better : unclear).add(other);
        }
        return lead + " is **" + name + "**'s, " + Numbers.percent(v.finalTestAccuracy().orElseThrow().mean())
                + "%. It is significantly better than " + (better.isEmpty() ? "no other variant" : String.join(", ", better))
                + (unclear.isEmpty() ? "." : "; it cannot be told apart from " + String.join(", ", unclear) + ".");
    }

    /** The DropConnect inference table and which rule was more accurate, or a note that it is not measured. */
    String dropConnect() {
        Optional<DropConnectInference> d = summary.flatMap(RunSummary::dropConnectInference);
        if (d.isEmpty()) {
            return "*Not measured yet.*";
        }
        DropConnectInference inference = d.get();
        List<List<String>> rows = new ArrayList<>();
        int monteCarloBetter = 0;
        for (int i = 0; i < inference.seeds().size(); i++) {
            rows.add(List.of(String.valueOf(inference.seeds().get(i)), Numbers.percent(inference.meanWeight().get(i)),
                    Numbers.percent(inference.monteCarlo().get(i))));
            monteCarloBetter += inference.monteCarlo().get(i) > inference.meanWeight().get(i) ? 1 : 0;
        }
        String which = monteCarloBetter == rows.size() ? "for every seed"
                : monteCarloBetter == 0 ? "for no seed" : "for some seeds and not for others";
        return Markdown.table(List.of("seed", "mean-weight rule p·W: test accuracy (%)",
                "Monte-Carlo average over " + inference.samples() + " masks: test accuracy (%)"), rows)
                + "\nMonte-Carlo averaging is more accurate than the mean-weight rule " + which + ".";
    }

    /** The batch-dependence table with a sentence per variant, or a note that it is not measured. */
    String batchDependence() {
        Map<String, BatchDependence> measured = summary.map(RunSummary::batchDependence).orElse(Map.of());
        if (measured.isEmpty()) {
            return "*Not measured yet.*";
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, BatchDependence> e : measured.entrySet()) {
            BatchDependence b = e.getValue();
            rows.add(List.of("**" + e.getKey() + "**", Numbers.std(b.maxAbsChange()),
                    b.changedPredictions() + " of " + b.examples()));
            String changes = Numbers.std(b.maxAbsChange()) + "; " + b.changedPredictions() + " of " + b.examples()
                    + " predicted classes change";
            lines.add(b.maxAbsChange() <= FLOAT_ROUNDING
                    ? "**" + e.getKey() + "**: the outputs agree within float32 rounding (largest change " + changes
                            + "): each example is normalized on its own."
                    : "**" + e.getKey() + "**: the outputs depend on the batch (largest change " + changes
                            + "): in training mode an example is normalized with the statistics of its batch.");
        }
        return Markdown.table(List.of("variant", "largest change of an output probability", "predicted classes that change"),
                rows) + "\n" + Markdown.bullets(lines);
    }

    private String sentence(PairwiseComparison p) {
        if (p.interval().isEmpty()) {
            return "**" + p.first() + "** − **" + p.second() + "** = " + Numbers.points(p.difference()) + " pp; "
                    + p.verdictText() + ".";
        }
        WelchInterval ci = p.interval().get();
        String level = Numbers.wholePercent(ci.level());
        return switch (p.verdict()) {
            case FIRST_BETTER -> better(p.first(), p.second(), ci.difference(), ci.low(), ci.high(), ci.df(), level);
            case SECOND_BETTER -> better(p.second(), p.first(), -ci.difference(), -ci.high(), -ci.low(), ci.df(), level);
            case NO_SIGNIFICANT_DIFFERENCE, NO_INTERVAL -> "**" + p.first() + "** and **" + p.second()
                    + "**: no significant difference (" + p.first() + " − " + p.second() + " = "
                    + Numbers.points(ci.difference()) + " pp, " + level + "% interval " + Numbers.points(ci.low()) + " to "
                    + Numbers.points(ci.high()) + " pp, Welch df " + Numbers.oneDecimal(ci.df()) + ").";
        };
    }

    private static String better(String winner, String loser, double difference, double low, double high, double df,
            String level) {
        return "**" + winner + "** is better than **" + loser + "** by " + Numbers.percent(difference) + " pp (" + level
                + "% interval " + Numbers.percent(low) + " to " + Numbers.percent(high) + " pp, Welch df "
                + Numbers.oneDecimal(df) + ").";
    }

    /** Joins sentence lists into one bulleted list. */
    @SafeVarargs
    static String bullets(List<String>... groups) {
        return Markdown.bullets(Stream.of(groups).flatMap(List::stream).filter(s -> !s.isEmpty()).toList());
    }
}
