package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.convergence4j.claims.Judgement;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.probe.NetSummary;
import org.convergence4j.study.InitializationReport;
import org.convergence4j.study.StudyReport;

/**
 * The measured parts of the Part 1 write-up, from the initialization study's report ({@link InitializationReport}):
 * the figures that exist, a table of the std at the first and last hidden layer, and conclusions
 * chosen from those numbers; the section on the trained nets comes from {@link InitTrainingNotebook}.
 * <p>
 * Nets with the same layers and activation are ranked twice, forward and backward, by how much the
 * signal changes through the hidden layers on a log scale: {@code |ln(f_L/f_1)|} for the forward std
 * {@code f} and {@code |ln(g_1/g_L)|} for the gradient std {@code g}, at the first (1) and last (L)
 * hidden layer; a signal that dies out (std 0) ranks last. Two rankings rather than one score,
 * because a net can keep its forward std by saturating while its gradient explodes (the seminar's
 * N(0, 0.1²) tanh net).
 */
final class InitNotebook {

    private final ResultsLayout layout;
    private final String folder;
    private final Optional<InitializationReport> report;
    private final Optional<StudyReport> training;

    /**
     * @param layout the results folder
     * @param folder the study's folder in it, {@code part1-initialization}
     * @param report Part 1's report at initialization, if Part 1 has been run
     * @param training the report of Part 1's trained nets, if they have been
     */
    InitNotebook(ResultsLayout layout, String folder, Optional<InitializationReport> report,
            Optional<StudyReport> training) {
        this.layout = layout;
        this.folder = folder;
        this.report = report;
        this.training = training;
    }

    /** The template values: status, figures, table and conclusions, and those of the trained nets. */
    Map<String, Supplier<String>> values() {
        Optional<List<NetSummary>> nets = report.map(InitializationReport::nets);
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put("status", () -> report.isPresent() ? "" : "**Status:** Part 1 has not been run yet in "
                + Markdown.code(Markdown.relative(layout.notebooks(), layout.study(folder))) + " (or its files "
                + "could not be read, as the command said).");
        values.put("figures", this::figures);
        values.put("table", () -> nets.map(InitNotebook::table).orElse("*No results yet.*"));
        values.put("conclusions", () -> nets.map(InitNotebook::conclusions).orElse("*No results yet.*"));
        values.putAll(new InitTrainingNotebook(layout, folder, nets, training).values());
        Optional<Judgement> depth = report.map(InitializationReport::judgement);
        values.put("answer", () -> depth.map(j -> "**Answer.** " + String.join("\n\n", new Verdicts(j).grouped()))
                .orElse("**Answer:** *Part 1 has not been run yet.*"));
        values.put("depth_verdicts", () -> depth.map(j -> new Verdicts(j).table()).orElse("*No verdicts yet.*"));
        return values;
    }

    private String figures() {
        return Markdown.figures(layout.notebooks(), List.of(
                new Markdown.Figure(layout.initDepthFigure(folder, "wide"), "Std versus depth, the wide tanh nets a, b, c"),
                new Markdown.Figure(layout.initDepthFigure(folder, "deep"),
                        "Std versus depth, the deep nets d, e, f and the contrasts"),
                new Markdown.Figure(layout.initHistogramFigure(folder), "Hidden-layer activation histograms of a and b")));
    }

    private static String table(List<NetSummary> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (NetSummary e : entries) {
            int last = e.forwardStd().size() - 1;
            rows.add(List.of("**" + e.key() + "**", e.description(), String.valueOf(e.seeds()),
                    Numbers.std(e.forwardStd().get(1)) + " → " + Numbers.std(e.forwardStd().get(last)),
                    e.forwardStdTheory().map(t -> Numbers.std(t.get(1)) + " → " + Numbers.std(t.get(last))).orElse("—"),
                    Numbers.std(e.backwardStd().get(last)) + " → " + Numbers.std(e.backwardStd().get(1)),
                    e.backwardStdTheory().map(t -> Numbers.std(t.get(last)) + " → " + Numbers.std(t.get(1))).orElse("—")));
        }
        return Markdown.table(List.of("net", "layers, activation, initialization", "seeds",
                "forward std, first → last hidden layer", "theory", "gradient std, last → first hidden layer",
                "theory"), rows);
    }

    private static String conclusions(List<NetSummary> entries) {
        List<String> lines = new ArrayList<>();
        for (NetSummary e : entries) {
            int last = e.forwardStd().size() - 1;
            lines.add("**" + e.key() + "** (" + e.description() + "): forward, the activation std "
                    + change(e.forwardStd().get(1), e.forwardStd().get(last)) + "; backward, the gradient std "
                    + change(e.backwardStd().get(last), e.backwardStd().get(1)) + ".");
        }
        for (NetSummary e : entries) {
            if (e.activation().equals("relu") && e.forwardStdTheory().isPresent()) {
                lines.add(finiteWidth(e));
            }
        }
        Map<String, List<NetSummary>> groups = entries.stream().collect(Collectors.groupingBy(InitNotebook::group,
                LinkedHashMap::new, Collectors.toList()));
        for (List<NetSummary> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            lines.add("Among the " + activation(group.get(0)) + " nets with the layers of " + group.get(0).key()
                    + ", from the steadiest signal through the hidden layers to the least steady (steadiest: the "
                    + "smallest |ln(std at the last hidden layer / std at the first)|, a signal that neither grows nor "
                    + "shrinks through depth): forward "
                    + ranked(group, InitNotebook::forwardLogChange) + "; backward "
                    + ranked(group, InitNotebook::backwardLogChange) + ".");
        }
        return Markdown.bullets(lines);
    }

    /**
     * A ReLU net's std at its last hidden layer beside the mean-field value, which the template's prose explains (a
     * finite-width effect).
     */
    private static String finiteWidth(NetSummary e) {
        int last = e.forwardStd().size() - 1;
        return "**" + e.key() + "** at its last hidden layer: the geometric mean of the std over seeds is "
                + Numbers.std(e.forwardStd().get(last)) + " against the mean-field value "
                + Numbers.std(e.forwardStdTheory().get().get(last)) + " (see \"Why the ReLU nets sit below the "
                + "mean-field column\" below).";
    }

    /** How a std changes from {@code from} to {@code to}, in words and both values. */
    private static String change(double from, double to) {
        String range = " from " + Numbers.std(from) + " to " + Numbers.std(to);
        if (to == 0) {
            return "dies out," + range;
        }
        return (to < from ? "shrinks" : to > from ? "grows" : "stays") + range;
    }

    private static String ranked(List<NetSummary> group, ToDoubleFunction<NetSummary> logChange) {
        return group.stream().sorted(Comparator.comparingDouble(logChange)).map(e -> "**" + e.key() + "**")
                .collect(Collectors.joining(", "));
    }

    /** The nets ranked together: the same activation and layer sizes. */
    static String group(NetSummary e) {
        return e.activation() + " " + e.sizes();
    }

    /** {@code |ln(f_L/f_1)|}; infinite if the signal dies out. */
    static double forwardLogChange(NetSummary e) {
        List<Double> f = e.forwardStd();
        return Math.abs(Math.log(f.get(f.size() - 1) / f.get(1)));
    }

    /** {@code |ln(g_1/g_L)|}; infinite if the gradient dies out. */
    static double backwardLogChange(NetSummary e) {
        List<Double> g = e.backwardStd();
        return Math.abs(Math.log(g.get(1) / g.get(g.size() - 1)));
    }

    /** {@code tanh} or {@code ReLU}. */
    static String activation(NetSummary e) {
        return e.activation().equals("relu") ? "ReLU" : e.activation();
    }
}
