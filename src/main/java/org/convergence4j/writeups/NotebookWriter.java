package org.convergence4j.writeups;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.convergence4j.persistence.AtomicFiles;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.study.InitializationReport;
import org.convergence4j.study.Study;
import org.convergence4j.study.Study.Output;
import org.convergence4j.study.StudyOutputs;
import org.convergence4j.study.StudyReport;

/**
 * Writes the notebooks-equivalent: one Markdown file per study, from its template under
 * {@code src/main/resources/org/convergence4j/writeups/notebooks/} (the fixed prose: the seminar's task, the
 * deviations) and the values computed from the study's results (the command that wrote them, the figures that
 * exist, tables, and conclusions whose wording is chosen from the numbers). Every number printed is a value of
 * study's report ({@link StudyReport}, Part 1's {@link InitializationReport}), whose parts its JSON files hold, formatted by
 * {@link Numbers}. Results may be partial (a long study spans several sessions): the write-ups then say what is
 * missing and how many seeds have finished.
 */
public final class NotebookWriter {

    private NotebookWriter() {
    }

    /**
     * (Re)writes the write-up of every study once, after all their outputs are written: Part 1's from the files of
     * its folder, which its two studies share (the initialization study and its trained nets), the others' from
     * their results.
     *
     * @param results what each training study's runs say ({@link StudyOutputs#writeAll})
     * @param initialization Part 1's report at initialization, if Part 1 has been run
     * @return the studies whose write-ups were written, in order; a write-up two studies share is named once
     */
    public static List<Study> writeAll(List<Study> studies, Map<Study, StudyReport> results,
            Optional<InitializationReport> initialization, ResultsLayout layout, Invocation invocation) {
        Set<String> written = new HashSet<>();
        List<Study> writers = new ArrayList<>();
        AnalysisPlan plan = AnalysisPlan.of(studies);
        plan.write(layout);
        for (Study s : studies) {
            if (written.add(s.writeup())) {
                if (s.initialization()) {
                    Optional<StudyReport> training = studies.stream()
                            .filter(t -> t.writeup().equals(s.writeup()) && t.trains() && results.containsKey(t))
                            .map(results::get).findFirst();
                    writeInitialization(s, initialization, training, layout, invocation, plan);
                } else if (s.outputs().contains(Output.EVIDENCE)) {
                    Map<String, Supplier<String>> values = common(layout, invocation, plan);
                    Optional<Map.Entry<Study, StudyReport>> intended = studies.stream()
                            .filter(t -> t.outputs().contains(Output.ALL_VERDICTS) && results.containsKey(t))
                            .findFirst().map(t -> Map.entry(t, results.get(t)));
                    values.putAll(new EvidenceNotebook(reports(studies, results, t -> t.writeup().equals(s.writeup())),
                            reports(studies, results, t -> t.outputs().contains(Output.EVIDENCE)), intended, layout)
                            .values());
                    write(layout, s.writeup(), values);
                } else {
                    writeTraining(s, results.get(s), layout, invocation, plan);
                }
                writers.add(s);
            }
        }
        return writers;
    }

    /** The reports of the studies that {@code which} selects and that have one, in the command's order. */
    private static Map<Study, StudyReport> reports(List<Study> studies, Map<Study, StudyReport> results,
            Predicate<Study> which) {
        Map<Study, StudyReport> reports = new LinkedHashMap<>();
        studies.stream().filter(t -> which.test(t) && results.containsKey(t)).forEach(t -> reports.put(t, results.get(t)));
        return reports;
    }

    /**
     * (Re)writes the write-up of a training study, atomically.
     *
     * @param results what the study's run records say: comparison, verdicts, sweep, analyses
     */
    public static void writeTraining(Study study, StudyReport results, ResultsLayout layout, Invocation invocation,
            AnalysisPlan plan) {
        Comparison comparison = results.comparison();
        TrainingNotebook facts = new TrainingNotebook(study, results);
        TrainingConclusions conclusions = new TrainingConclusions(comparison, results.analyses());
        Verdicts verdicts = new Verdicts(results.judgement());
        boolean overview = study.outputs().contains(Output.COMPARISON_FIGURES);
        Map<String, Supplier<String>> values = common(layout, invocation, plan);
        values.put("status", facts::status);
        values.put("configuration", facts::configuration);
        values.put("environment", facts::environment);
        values.put("table", () -> facts.variantTable(overview));
        values.put("pairs", facts::pairTable);
        values.put("figures", () -> Markdown.figures(layout.notebooks(), figures(study, facts.variants(), layout)));
        values.put("conclusions", () -> facts.variants().isEmpty() ? "*No runs yet.*" : overview
                ? TrainingConclusions.bullets(conclusions.best(), List.of(conclusions.epochsToThreshold()))
                : TrainingConclusions.bullets(conclusions.pairSentences(), List.of(conclusions.epochsToThreshold())));
        values.put("verdicts", () -> verdicts.sentenceTable() + "\n" + verdicts.table());
        values.put("design", facts::design);
        values.put("answer", () -> answer(study, results, conclusions, verdicts));
        values.put("end_point", facts::endPoint);
        values.put("margin", () -> Numbers.percent(comparison.margin()));
        results.sweep().ifPresent(sweep -> {
            SweepNotebook notebook = new SweepNotebook(sweep, comparison.margin());
            values.put("sweep_table", notebook::table);
            values.put("sweep_conclusions", () -> Markdown.bullets(notebook.conclusions()));
        });
        values.put("dropconnect", conclusions::dropConnect);
        values.put("batch_dependence", conclusions::batchDependence);
        write(layout, study.writeup(), values);
    }

    /**
     * (Re)writes Part 1's write-up, atomically, from its report at initialization and its trained nets' report;
     * either may be missing (not run yet), which the write-up says.
     */
    public static void writeInitialization(Study study, Optional<InitializationReport> initialization,
            Optional<StudyReport> training, ResultsLayout layout, Invocation invocation, AnalysisPlan plan) {
        Map<String, Supplier<String>> values = common(layout, invocation, plan);
        values.putAll(new InitNotebook(layout, study.folder(), initialization, training).values());
        write(layout, study.writeup(), values);
    }

    /**
     * The "Answer" paragraph: for a sweep its conclusions; else the verdict on each claim (grouped by verdict where
     * there are many), then where the best variant stands.
     */
    private static String answer(Study study, StudyReport results, TrainingConclusions conclusions, Verdicts verdicts) {
        if (results.comparison().variants().isEmpty()) {
            return "**Answer:** *no runs yet.*";
        }
        List<String> lines = new ArrayList<>();
        if (results.sweep().isPresent()) {
            lines.addAll(new SweepNotebook(results.sweep().get(), results.comparison().margin()).conclusions());
        } else if (study.outputs().contains(Output.ALL_VERDICTS)) {
            lines.add(verdicts.headline());
            lines.addAll(verdicts.grouped());
        } else {
            lines.addAll(verdicts.sentences());
        }
        if (results.sweep().isEmpty()) {
            lines.add(conclusions.best().get(0));
        }
        return "**Answer.** " + String.join("\n\n", lines);
    }

    private static Map<String, Supplier<String>> common(ResultsLayout layout, Invocation invocation,
            AnalysisPlan plan) {
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put("source", () -> Markdown.code(Markdown.relative(layout.notebooks(), layout.root()) + "/"));
        values.put("command", () -> Markdown.code(invocation.command()));
        values.put("command_all", () -> Markdown.code(invocation.all()));
        values.put("plan_link", () -> plan.link(layout));
        values.put("plan_hash", plan::hash);
        return values;
    }

    private static List<Markdown.Figure> figures(Study study, List<String> variants, ResultsLayout layout) {
        List<Markdown.Figure> figures = new ArrayList<>();
        if (study.outputs().contains(Output.MEAN_CURVES)) {
            study.variants().stream().filter(v -> variants.contains(v.key())).forEach(v -> figures.add(new Markdown.Figure(
                    layout.meanCurvesPng(study.folder(), v.fileStem()), v.key() + ": loss and accuracy per epoch")));
        }
        if (study.outputs().contains(Output.SWEEP) && Files.exists(layout.sweepFigure(study.folder()))) {
            figures.add(new Markdown.Figure(layout.sweepFigure(study.folder()),
                    "End-point against the probability: mean ± 95% interval over seeds, the Baseline's mean and "
                            + "interval as a band (unpaired; the paired differences in the table are tighter)"));
        }
        if (study.outputs().contains(Output.VERDICTS_FIGURE) && Files.exists(layout.verdictsFigure(study.folder()))) {
            figures.add(new Markdown.Figure(layout.verdictsFigure(study.folder()), "The answer to the seminar: every "
                    + "reading of every claim as its 95% interval (dot: the mean) over the grey band where the claim "
                    + "holds, green supported, vermillion contradicted, grey not resolved; the train − test gap per "
                    + "epoch relative to the Baseline's, with its 95% band (both with the masks on while training); "
                    + "each variant's test accuracy, mean ± sd over seeds"));
        }
        if (study.outputs().contains(Output.COMPARISON_FIGURES)) {
            figures.add(new Markdown.Figure(layout.compareFigure(study.folder()),
                    "compare_results: test loss and test accuracy per epoch, mean ± sd over seeds"));
            List<String> recorded = study.variants().stream()
                    .filter(v -> v.kind().analyses().contains(VariantKind.Analysis.LAYER_STATS)).map(Variant::key).toList();
            List<String> notRecorded = study.variants().stream()
                    .filter(v -> !v.kind().analyses().contains(VariantKind.Analysis.LAYER_STATS)).map(Variant::key).toList();
            figures.add(new Markdown.Figure(layout.layerStdFigure(study.folder()),
                    "Activation std per layer during training, first seed, of the variants that record it ("
                            + String.join(", ", recorded) + ")" + (notRecorded.isEmpty() ? "" : "; "
                            + String.join(", ", notRecorded) + " do not record per-layer statistics during training, "
                            + "so they are not drawn")));
        }
        return figures;
    }

    private static void write(ResultsLayout layout, String writeup, Map<String, Supplier<String>> values) {
        // An empty value (no status to report) would leave a gap of blank lines.
        String text = MarkdownTemplate.load(writeup + ".md").render(values).replaceAll("\n{3,}", "\n\n");
        AtomicFiles.writeString(layout.notebook(writeup), text);
    }
}
