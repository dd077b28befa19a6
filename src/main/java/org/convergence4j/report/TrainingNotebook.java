package org.convergence4j.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;
import org.convergence4j.report.RunSummary.Configuration;
import org.convergence4j.report.RunSummary.VariantRuns;

/**
 * The measured parts of the Part 2–4 notebooks that state facts: commands, status, configuration,
 * environment and the tables of final results and pairwise differences, from the training summary
 * and the comparison computed from it; the sentences come from {@link #conclusions()}. Every number
 * is formatted by {@link Numbers} from a value of {@code summary.json} or {@code comparison.json}.
 */
final class TrainingNotebook {

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

    /** The sentences and analyses, from the same summary and comparison. */
    TrainingConclusions conclusions() {
        return new TrainingConclusions(summary, comparison);
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
        c.engine().ifPresent(engine -> parts.add("convolutions computed by " + Markdown.code(engine)));
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

    private List<PairwiseComparison> pairs(List<String> variants) {
        return comparison.map(c -> c.pairsAmong(variants)).orElse(List.of());
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

}
