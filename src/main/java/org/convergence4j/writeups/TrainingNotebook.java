package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;
import org.convergence4j.statistics.Analyses;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.PairwiseComparison;
import org.convergence4j.statistics.Spread;
import org.convergence4j.statistics.LateSlope;
import org.convergence4j.statistics.VariantStatistics;
import org.convergence4j.study.Study;
import org.convergence4j.study.StudyReport;
import org.convergence4j.train.TrainingSettings;

/**
 * The measured parts of a training study's write-up that state facts: status, configuration, environment and the
 * tables of final results and pairwise differences, from the study's comparison and the summary; the sentences
 * come from {@link TrainingConclusions}. Every number is formatted by {@link Numbers} from a value of
 * the study's report ({@link StudyReport}).
 */
final class TrainingNotebook {

    private final Study study;
    private final Comparison comparison;
    private final Analyses analyses;

    /**
     * @param study the study written up
     * @param report what its run records say
     */
    TrainingNotebook(Study study, StudyReport report) {
        this.study = study;
        this.comparison = report.comparison();
        this.analyses = report.analyses();
    }

    /** The keys of the study's variants that have runs, in its order. */
    List<String> variants() {
        return comparison.variants().stream().map(VariantStatistics::variant).toList();
    }

    /** What is not finished, and the study's variants without any run; "all runs finished" otherwise. */
    String status() {
        if (comparison.variants().isEmpty()) {
            return "**Status:** no run of this study is stored yet.";
        }
        List<String> open = new ArrayList<>();
        for (VariantStatistics v : comparison.variants()) {
            if (!v.complete() || !v.divergence().isEmpty()) {
                String diverged = v.divergence().isEmpty() ? "" : "; diverged: " + String.join("; ", v.divergence());
                open.add(v.finishedSeeds().size() + " of " + v.seedsConfigured() + " seeds finished for **"
                        + v.variant() + "**" + diverged);
            }
        }
        comparison.missing().forEach(name -> open.add("no run yet for **" + name + "**"));
        if (open.isEmpty()) {
            return "**Status:** all runs finished.";
        }
        return "**Status:** the runs are incomplete; the statistics use the finished seeds only.\n\n"
                + Markdown.bullets(open);
    }

    /** The settings every run shares. */
    String configuration() {
        TrainingSettings t = study.training();
        List<String> parts = new ArrayList<>();
        parts.add("dataset " + Markdown.code(t.dataset()));
        parts.add(t.epochs() + " epochs per run");
        parts.add("seeds " + study.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        parts.add("mini-batch " + t.batchSize());
        parts.add("Adam with learning rate " + Numbers.plain(t.learningRate()));
        parts.add(t.trainSubset() == 0 ? "the whole training set" : "the first " + t.trainSubset() + " training examples");
        parts.add("convolutions computed by " + Markdown.code(analyses.engine()));
        return "**Configuration:** " + String.join("; ", parts) + ".";
    }

    /**
     * How the runs answer the claims (the shared fragment {@code shared/design.md}): the end-point and why it was
     * fixed in advance, the pairing by seed, and the rules of the verdicts.
     */
    String design() {
        return MarkdownTemplate.load("shared/design.md").render(Map.of(
                "seeds", () -> String.valueOf(study.seeds().size()),
                "end_point", this::endPoint,
                "margin", () -> Numbers.percent(comparison.margin()))).strip();
    }

    /** The end-point in words, e.g. "the mean test accuracy over epochs 16–20 of each run". */
    String endPoint() {
        return "the mean test accuracy over " + comparison.endPointEpochs() + " of each run";
    }

    /** Where and when the newest run was trained: the write-up's date is its data's, not its rewriting's. */
    String environment() {
        return analyses.environment().map(e -> "**Newest run:** trained " + e.finished() + " on " + e.cpu() + " ("
                        + e.cores() + " cores), nd4j-native " + e.nativeBuild() + ", dl4j " + e.dl4j() + ", java "
                        + e.java() + ", " + e.os() + ".")
                .orElse("**Newest run:** these runs were stored before run records named where and when they were "
                        + "trained.");
    }

    /**
     * Per variant: finished seeds, final test accuracy and loss, final training accuracy, the first epoch at the
     * threshold, and the training time if {@code withTime}.
     */
    String variantTable(boolean withTime) {
        if (comparison.variants().isEmpty()) {
            return "*No runs yet.*";
        }
        String endPoint = "end-point: test accuracy, mean of " + comparison.endPointEpochs() + " (%), ± sd [95% interval]";
        List<String> header = new ArrayList<>(List.of("variant", "finished seeds", endPoint, "final test accuracy (%)",
                "final test loss", "final training accuracy (%), in training mode (masks on, running mean over the epoch)",
                "first epoch with ≥ " + Numbers.wholePercent(comparison.threshold()) + "% test accuracy",
                "slope of the test accuracy over " + LateSlope.epochs(study.training().epochs())
                        + " (pp per epoch) [95% interval]"));
        if (withTime) {
            header.add("training time, sum over runs (s)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (VariantStatistics v : comparison.variants()) {
            List<String> row = new ArrayList<>(List.of(label(v), v.finishedSeeds().size() + " of " + v.seedsConfigured(),
                    "**" + spread(v.endPoint(), Numbers::percent) + "**" + v.endPointInterval().map(i -> " ["
                            + Numbers.percent(i.low()) + ", " + Numbers.percent(i.high()) + "]").orElse(""),
                    spread(v.finalTestAccuracy(), Numbers::percent), spread(v.finalTestLoss(), Numbers::loss),
                    spread(v.finalTrainAccuracy(), Numbers::percent), epochs(v),
                    v.lateSlope().map(i -> Numbers.signed(100 * i.mean(), "pp") + " [" + Numbers.signed(100 * i.low(),
                            "pp") + ", " + Numbers.signed(100 * i.high(), "pp") + "]").orElse("—")));
            if (withTime) {
                row.add(Numbers.rounded(v.trainingSeconds()));
            }
            rows.add(row);
        }
        return Markdown.table(header, rows);
    }

    /** Every pair: paired difference of the end-point, its paired interval, Welch's interval, the verdict. */
    String pairTable() {
        List<PairwiseComparison> pairs = comparison.pairs();
        if (pairs.isEmpty()) {
            return "*No pair of variants with finished seeds yet.*";
        }
        String level = Numbers.wholePercent(comparison.level());
        List<List<String>> rows = pairs.stream().map(p -> List.of(p.first() + " − " + p.second(),
                Numbers.points(p.difference()),
                p.paired().map(i -> "[" + Numbers.points(i.low()) + ", " + Numbers.points(i.high()) + "]").orElse("—"),
                p.paired().map(i -> Numbers.percent(i.halfWidth())).orElse("—"),
                p.welch().map(i -> "[" + Numbers.points(i.low()) + ", " + Numbers.points(i.high()) + "] (df "
                        + Numbers.oneDecimal(i.df()) + ")").orElse("—"), p.verdictText())).toList();
        return Markdown.table(List.of("pair", "paired difference (pp)", "paired " + level + "% interval (pp)",
                "half-width (pp)", "Welch " + level + "% interval (pp), unpaired", "verdict"), rows);
    }

    private static String label(VariantStatistics v) {
        return "**" + v.variant() + "**" + (v.beyondSeminar() ? " *(beyond the seminar)*" : "");
    }

    /** Mean ± sd; "one seed" without a spread; a dash without finished seeds. */
    static String spread(Optional<Spread> spread, DoubleFunction<String> format) {
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
