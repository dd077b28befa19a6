package org.convergence4j.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence4j.report.PairwiseComparison.Verdict;
import org.convergence4j.report.RunSummary.BatchDependence;
import org.convergence4j.report.RunSummary.Configuration;
import org.convergence4j.report.RunSummary.DropConnectInference;
import org.convergence4j.report.RunSummary.VariantRuns;

/**
 * The measured parts of the Part 2–4 notebooks, from the training summary and the comparison
 * computed from it: status, configuration, tables, and sentences whose wording is chosen from the
 * numbers (a variant is "better" only when the interval of the difference excludes 0). Every number
 * is formatted by {@link Numbers} from a value of {@code summary.json} or {@code comparison.json}.
 */
final class TrainingNotebook {

    /**
     * The largest change of an output probability that float32 rounding explains: a dot product of
     * n = 196 terms summed in another order (a batch of one vs a full batch) can differ by about
     * n·ε ≈ 2.3e-5 relative (ε = 2⁻²³); BatchNorm's batch dependence is orders of magnitude larger.
     */
    static final double FLOAT_ROUNDING = 1e-4;

    private final Path summaryFile;
    private final Path notebookDir;
    private final Optional<RunSummary> summary;
    private final Optional<Comparison> comparison;

    /**
     * @param summaryFile {@code results/summary.json}, read if it exists
     * @param notebookDir the folder of the notebooks, for relative links
     * @param summary the summary read from {@code summaryFile}, empty if it does not exist yet
     */
    TrainingNotebook(Path summaryFile, Path notebookDir, Optional<RunSummary> summary) {
        this.summaryFile = summaryFile;
        this.notebookDir = notebookDir;
        this.summary = summary;
        this.comparison = summary.map(Comparison::of);
    }

    /** The variants the summary assigns to {@code part}, in the comparison's order. */
    List<String> variantsOfPart(int part) {
        return comparison.map(c -> c.variants().stream().map(VariantStatistics::name)
                .filter(name -> summary.orElseThrow().variants().get(name).part().equals(OptionalInt.of(part)))
                .toList()).orElse(List.of());
    }

    /** Every variant with runs, in the comparison's order. */
    List<String> allVariants() {
        return comparison.map(c -> c.variants().stream().map(VariantStatistics::name).toList()).orElse(List.of());
    }

    /** The command that regenerates everything at this summary's settings. */
    String commandAll() {
        return Markdown.code("mvn -B -q compile exec:java" + args());
    }

    /** The command that regenerates one section at this summary's settings. */
    String command(String mainClass) {
        return Markdown.code("mvn -B -q compile exec:java -Dexec.mainClass=" + mainClass + args());
    }

    private String args() {
        if (summary.isEmpty()) {
            return "";
        }
        Configuration c = summary.get().configuration();
        List<String> args = new ArrayList<>();
        if (c.quick()) {
            args.add("--quick");
        } else {
            args.add("--epochs " + c.epochs());
        }
        args.add("--seeds " + c.seeds().size());
        if (!c.seeds().isEmpty() && c.seeds().get(0) != 1) {
            args.add("--seed " + c.seeds().get(0));
        }
        if (!summary.get().dataset().equals("mnist")) {
            args.add("--dataset " + summary.get().dataset());
        }
        return " -Dexec.args=\"" + String.join(" ", args) + "\"";
    }

    /**
     * What is not finished among {@code variants}, and the registry variants without any run if
     * {@code withMissing}; "all runs finished" when nothing is outstanding.
     */
    String status(List<String> variants, boolean withMissing) {
        if (summary.isEmpty()) {
            return "**Status:** no training results yet: " + Markdown.code(Markdown.relative(notebookDir, summaryFile))
                    + " was not found.";
        }
        if (variants.isEmpty()) {
            return "**Status:** no run of this part yet.";
        }
        List<String> open = new ArrayList<>();
        for (String name : variants) {
            VariantStatistics v = comparison.orElseThrow().variant(name).orElseThrow();
            VariantRuns runs = summary.get().variants().get(name);
            if (!v.complete() || !runs.divergence().isEmpty()) {
                String diverged = runs.divergence().isEmpty() ? "" : "; diverged: " + String.join("; ", runs.divergence());
                open.add(v.finishedSeeds().size() + " of " + v.seedsConfigured() + " seeds finished for **" + name + "**"
                        + diverged);
            }
        }
        if (withMissing) {
            comparison.orElseThrow().missing().forEach(name -> open.add("no run yet for **" + name + "**"));
        }
        if (open.isEmpty()) {
            return "**Status:** all runs finished.";
        }
        return "**Status:** the runs are incomplete; the statistics use the finished seeds only.\n\n"
                + Markdown.bullets(open);
    }

    /** The settings every run shares. */
    String configuration() {
        if (summary.isEmpty()) {
            return "";
        }
        Configuration c = summary.get().configuration();
        List<String> parts = new ArrayList<>();
        parts.add("dataset " + Markdown.code(summary.get().dataset()));
        parts.add(c.epochs() + " epochs per run");
        parts.add("seeds " + c.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        c.batch().ifPresent(b -> parts.add("mini-batch " + b));
        c.learningRate().ifPresent(lr -> parts.add("Adam with learning rate " + Numbers.plain(lr)));
        c.trainExamples().ifPresent(n -> parts.add(n + " training examples"));
        c.testExamples().ifPresent(n -> parts.add(n + " test examples"));
        String quick = c.quick() ? " This is a " + Markdown.code("--quick") + " smoke run, not the seminar's settings." : "";
        return "**Configuration:** " + String.join("; ", parts) + "." + quick;
    }

    /** Java, DL4J, OS, cores and date of the run, as the summary records them. */
    String environment() {
        if (summary.isEmpty() || summary.get().environment().isEmpty()) {
            return "";
        }
        return "**Environment:** " + summary.get().environment().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; ")) + ".";
    }

    /**
     * Per variant: finished seeds, final test accuracy and loss, final training accuracy, the first
     * epoch at the threshold, and the training time if {@code withTime}.
     */
    String variantTable(List<String> variants, boolean withTime) {
        if (comparison.isEmpty() || variants.isEmpty()) {
            return "*No runs yet.*";
        }
        Comparison c = comparison.get();
        List<String> header = new ArrayList<>(List.of("variant", "finished seeds", "final test accuracy (%)",
                "final test loss", "final training accuracy (%)",
                "first epoch with ≥ " + Numbers.wholePercent(c.threshold()) + "% test accuracy"));
        if (withTime) {
            header.add("training time, sum over runs (s)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String name : variants) {
            VariantStatistics v = c.variant(name).orElseThrow();
            List<String> row = new ArrayList<>(List.of(label(v), v.finishedSeeds().size() + " of " + v.seedsConfigured(),
                    spread(v.finalTestAccuracy(), Numbers::percent), spread(v.finalTestLoss(), Numbers::loss),
                    spread(v.finalTrainAccuracy(), Numbers::percent), epochs(v)));
            if (withTime) {
                row.add(Numbers.rounded(v.trainingSeconds()));
            }
            rows.add(row);
        }
        return Markdown.table(header, rows);
    }

    /** The pairs among {@code variants}: difference, interval, degrees of freedom, verdict. */
    String pairTable(List<String> variants) {
        List<PairwiseComparison> pairs = pairs(variants);
        if (pairs.isEmpty()) {
            return "*No pair of variants with finished seeds yet.*";
        }
        String level = Numbers.wholePercent(comparison.orElseThrow().level());
        List<List<String>> rows = pairs.stream().map(p -> List.of(p.first() + " − " + p.second(),
                Numbers.points(p.difference()),
                p.interval().map(i -> "[" + Numbers.points(i.low()) + ", " + Numbers.points(i.high()) + "]").orElse("—"),
                p.interval().map(i -> Numbers.oneDecimal(i.df())).orElse("—"), p.verdictText())).toList();
        return Markdown.table(List.of("pair", "difference (pp)", level + "% interval (pp)", "Welch df", "verdict"),
                rows);
    }

    /** One sentence per pair among {@code variants}, worded by its verdict. */
    List<String> pairSentences(List<String> variants) {
        return pairs(variants).stream().map(this::sentence).toList();
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

    private List<PairwiseComparison> pairs(List<String> variants) {
        return comparison.map(c -> c.pairs().stream()
                .filter(p -> variants.contains(p.first()) && variants.contains(p.second())).toList()).orElse(List.of());
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

    private static String label(VariantStatistics v) {
        return "**" + v.name() + "**" + (v.beyondSeminar() ? " *(beyond the seminar)*" : "");
    }

    /** Mean ± sd; "one seed" without a spread; a dash without finished seeds. */
    private static String spread(Optional<Spread> spread, DoubleFunction<String> format) {
        if (spread.isEmpty()) {
            return "—";
        }
        Spread s = spread.get();
        return format.apply(s.mean()) + (s.sd().isPresent() ? " ± " + format.apply(s.sd().getAsDouble())
                : " (one seed)");
    }

    private static String epochs(VariantStatistics v) {
        if (v.epochsToThreshold().isEmpty()) {
            return "—";
        }
        String perSeed = v.epochsToThreshold().stream().map(e -> e.isPresent() ? String.valueOf(e.getAsInt()) : "never")
                .collect(Collectors.joining(", "));
        OptionalDouble mean = v.meanEpochToThreshold();
        return perSeed + " (mean " + (mean.isPresent() ? Numbers.oneDecimal(mean.getAsDouble()) : "never") + ")";
    }

    /** Joins sentence lists into one bulleted list. */
    @SafeVarargs
    static String bullets(List<String>... groups) {
        return Markdown.bullets(Stream.of(groups).flatMap(List::stream).filter(s -> !s.isEmpty()).toList());
    }
}
