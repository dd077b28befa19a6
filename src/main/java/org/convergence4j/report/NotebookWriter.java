package org.convergence4j.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the notebooks-equivalent: one Markdown file per seminar part, generated from the files
 * under {@code results/} — the seminar's task, the command that regenerates the part, the figures
 * that exist, tables, and conclusions whose wording is chosen from the numbers. Every number
 * printed is a value of {@code results/summary.json}, {@code results/part1-initialization/summary.json}
 * or the comparison computed from the former (also written as {@code part4-comparison/comparison.json}),
 * formatted by {@link Numbers}; the fixed prose lives in templates under
 * {@code src/main/resources/org/convergence4j/report/notebooks/}.
 * <p>
 * Any input may be missing or partial (the full run spans several sessions): the notebooks then say
 * what is missing and how many seeds have finished.
 */
public final class NotebookWriter {

    /** The notebooks, in the seminar's order. */
    public static final List<String> NOTEBOOKS = List.of("Part1-initialization.md", "Part2-dropout.md",
            "Part3-normalization.md", "Part4-comparison.md");

    private static final String SECTIONS = "org.convergence4j.sections.";

    private NotebookWriter() {
    }

    /**
     * Reads the results and (re)writes the four notebooks atomically. Call it after Part 4's
     * report, so that its figures exist.
     *
     * @param resultsDir the results folder, e.g. {@code results}
     * @param notebookDir the notebooks folder, e.g. {@code notebooks-equivalent}; created if needed
     * @throws java.io.UncheckedIOException if a file cannot be read or written
     * @throws IllegalArgumentException naming the file and field if a summary is malformed
     */
    public static void write(Path resultsDir, Path notebookDir) {
        Path summaryFile = resultsDir.resolve("summary.json");
        Optional<RunSummary> summary = Files.exists(summaryFile) ? Optional.of(RunSummary.read(summaryFile))
                : Optional.empty();
        TrainingNotebook training = new TrainingNotebook(summaryFile, notebookDir, summary);
        Map<String, String> part1 = new InitNotebook(resultsDir.resolve("part1-initialization"), notebookDir)
                .values(training.commandAll());
        write(notebookDir, NOTEBOOKS.get(0), part1);
        write(notebookDir, NOTEBOOKS.get(1), part2(training, resultsDir, notebookDir));
        write(notebookDir, NOTEBOOKS.get(2), part3(training, resultsDir, notebookDir));
        write(notebookDir, NOTEBOOKS.get(3), part4(training, resultsDir, notebookDir));
    }

    private static Map<String, String> part2(TrainingNotebook t, Path resultsDir, Path notebookDir) {
        List<String> variants = t.variantsOfPart(2);
        Map<String, String> values = common(t, variants, SECTIONS + "Part2Dropout", false);
        values.put("figures", Markdown.figures(notebookDir, variants.stream().map(v -> new Markdown.Figure(
                resultsDir.resolve("part2-dropout").resolve(stem(v) + ".png"), v + ": loss and accuracy per epoch"))
                .toList()));
        TrainingConclusions c = t.conclusions();
        values.put("conclusions", conclusions(variants, TrainingConclusions.bullets(c.pairSentences(variants),
                c.trainVersusTest(variants))));
        values.put("dropconnect", c.dropConnect());
        return values;
    }

    private static Map<String, String> part3(TrainingNotebook t, Path resultsDir, Path notebookDir) {
        List<String> variants = t.variantsOfPart(3);
        Map<String, String> values = common(t, variants, SECTIONS + "Part3Normalization", false);
        List<Markdown.Figure> figures = new ArrayList<>(variants.stream().map(v -> new Markdown.Figure(
                resultsDir.resolve("part3-normalization").resolve(stem(v) + ".png"), v + ": loss and accuracy per epoch"))
                .toList());
        figures.add(layerStdFigure(resultsDir));
        values.put("figures", Markdown.figures(notebookDir, figures));
        List<String> withBaseline = new ArrayList<>(variants);
        if (t.allVariants().contains("Baseline")) {
            withBaseline.add("Baseline");
        }
        TrainingConclusions c = t.conclusions();
        values.put("conclusions", conclusions(variants, TrainingConclusions.bullets(c.pairSentences(variants),
                List.of(c.epochsToThreshold(withBaseline)))));
        values.put("batch_dependence", c.batchDependence());
        return values;
    }

    private static Map<String, String> part4(TrainingNotebook t, Path resultsDir, Path notebookDir) {
        List<String> variants = t.allVariants();
        Map<String, String> values = common(t, variants, SECTIONS + "Part4Comparison", true);
        values.put("environment", t.environment());
        Path dir = resultsDir.resolve("part4-comparison");
        values.put("figures", Markdown.figures(notebookDir, List.of(
                new Markdown.Figure(dir.resolve("compare_results.png"),
                        "compare_results: test loss and test accuracy per epoch, mean ± sd over seeds"),
                layerStdFigure(resultsDir))));
        TrainingConclusions c = t.conclusions();
        values.put("conclusions", conclusions(variants, TrainingConclusions.bullets(c.best(),
                List.of(c.epochsToThreshold(variants)))));
        return values;
    }

    /**
     * The values every training notebook has; {@code overview} (Part 4) adds the training time and
     * the variants without any run.
     */
    private static Map<String, String> common(TrainingNotebook t, List<String> variants, String mainClass,
            boolean overview) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("command", t.command(mainClass));
        values.put("command_all", t.commandAll());
        values.put("status", t.status(variants, overview));
        values.put("configuration", t.configuration());
        values.put("table", t.variantTable(variants, overview));
        values.put("pairs", t.pairTable(variants));
        return values;
    }

    private static String conclusions(List<String> variants, String bullets) {
        return variants.isEmpty() ? "*No runs yet.*" : bullets;
    }

    private static Markdown.Figure layerStdFigure(Path resultsDir) {
        return new Markdown.Figure(resultsDir.resolve("part4-comparison").resolve("layer_activation_std.png"),
                "Activation std per layer during training: Baseline, BatchNorm, LayerNorm");
    }

    private static String stem(String variant) {
        return variant.toLowerCase(Locale.ROOT);
    }

    private static void write(Path notebookDir, String name, Map<String, String> values) {
        // An empty value (no status to report) would leave a gap of blank lines.
        String text = MarkdownTemplate.load(name).render(values).replaceAll("\n{3,}", "\n\n");
        AtomicFiles.writeString(notebookDir.resolve(name), text);
    }
}
