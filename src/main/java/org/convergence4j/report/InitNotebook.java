package org.convergence4j.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.convergence4j.report.InitSummaryJson.Entry;

/**
 * The measured parts of the Part 1 notebook, from the initialization study's {@code summary.json}:
 * the figures that exist, a table of the std at the first and last hidden layer, and conclusions
 * chosen from those numbers.
 * <p>
 * Nets with the same layers and activation are ranked twice, forward and backward, by how much the
 * signal changes through the hidden layers on a log scale: {@code |ln(f_L/f_1)|} for the forward std
 * {@code f} and {@code |ln(g_1/g_L)|} for the gradient std {@code g}, at the first (1) and last (L)
 * hidden layer; a signal that dies out (std 0) ranks last. Two rankings rather than one score,
 * because a net can keep its forward std by saturating while its gradient explodes (the seminar's
 * N(0, 0.1²) tanh net).
 */
final class InitNotebook {

    /** The section's Main. */
    static final String MAIN = "org.convergence4j.sections.Part1Initialization";

    private final Path partDir;
    private final Path notebookDir;

    /**
     * @param partDir the study's results folder, {@code results/part1-initialization}
     * @param notebookDir the folder of the notebooks, for relative links
     */
    InitNotebook(Path partDir, Path notebookDir) {
        this.partDir = partDir;
        this.notebookDir = notebookDir;
    }

    /** The template values; {@code commandAll} regenerates everything. */
    Map<String, String> values(String commandAll) {
        Path summary = partDir.resolve("summary.json");
        Optional<List<Entry>> entries = Files.exists(summary) ? Optional.of(InitSummaryJson.read(summary))
                : Optional.empty();
        Map<String, String> values = new LinkedHashMap<>();
        String args = entries.filter(e -> !e.isEmpty()).map(e -> " -Dexec.args=\"--seeds " + e.get(0).seeds() + "\"")
                .orElse("");
        values.put("command", Markdown.code("mvn -B -q compile exec:java -Dexec.mainClass=" + MAIN + args));
        values.put("command_all", commandAll);
        values.put("status", entries.isPresent() ? "" : "**Status:** " + Markdown.code(Markdown.relative(notebookDir, summary))
                + " was not found: this part has not been run yet.");
        values.put("figures", figures());
        values.put("table", entries.map(InitNotebook::table).orElse("*No results yet.*"));
        values.put("conclusions", entries.map(InitNotebook::conclusions).orElse("*No results yet.*"));
        return values;
    }

    private String figures() {
        return Markdown.figures(notebookDir, List.of(
                new Markdown.Figure(partDir.resolve("std_vs_depth_wide.png"), "Std versus depth, the wide tanh nets a, b, c"),
                new Markdown.Figure(partDir.resolve("std_vs_depth_deep.png"),
                        "Std versus depth, the deep nets d, e, f and the contrasts"),
                new Markdown.Figure(partDir.resolve("activation_histograms_tanh.png"),
                        "Hidden-layer activation histograms of a and b")));
    }

    private static String table(List<Entry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (Entry e : entries) {
            int last = e.forwardStd().size() - 1;
            rows.add(List.of("**" + e.key() + "**", e.description(), String.valueOf(e.seeds()),
                    Numbers.std(e.forwardStd().get(1)) + " → " + Numbers.std(e.forwardStd().get(last)),
                    e.forwardTheory().map(t -> Numbers.std(t.get(1)) + " → " + Numbers.std(t.get(last))).orElse("—"),
                    Numbers.std(e.backwardStd().get(last)) + " → " + Numbers.std(e.backwardStd().get(1)),
                    e.backwardTheory().map(t -> Numbers.std(t.get(last)) + " → " + Numbers.std(t.get(1))).orElse("—")));
        }
        return Markdown.table(List.of("net", "layers, activation, initialization", "seeds",
                "forward std, first → last hidden layer", "theory", "gradient std, last → first hidden layer",
                "theory"), rows);
    }

    private static String conclusions(List<Entry> entries) {
        List<String> lines = new ArrayList<>();
        for (Entry e : entries) {
            int last = e.forwardStd().size() - 1;
            lines.add("**" + e.key() + "** (" + e.description() + "): forward, the activation std "
                    + change(e.forwardStd().get(1), e.forwardStd().get(last)) + "; backward, the gradient std "
                    + change(e.backwardStd().get(last), e.backwardStd().get(1)) + ".");
        }
        Map<String, List<Entry>> groups = entries.stream().collect(Collectors.groupingBy(
                e -> e.activation() + " " + e.sizes(), LinkedHashMap::new, Collectors.toList()));
        for (List<Entry> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            lines.add("Among the " + activation(group.get(0)) + " nets with the layers of " + group.get(0).key()
                    + ", from the steadiest signal through the hidden layers to the least steady: forward "
                    + ranked(group, InitNotebook::forwardLogChange) + "; backward "
                    + ranked(group, InitNotebook::backwardLogChange) + ".");
        }
        return Markdown.bullets(lines);
    }

    /** How a std changes from {@code from} to {@code to}, in words and both values. */
    private static String change(double from, double to) {
        String range = " from " + Numbers.std(from) + " to " + Numbers.std(to);
        if (to == 0) {
            return "dies out," + range;
        }
        return (to < from ? "shrinks" : to > from ? "grows" : "stays") + range;
    }

    private static String ranked(List<Entry> group, ToDoubleFunction<Entry> logChange) {
        return group.stream().sorted(Comparator.comparingDouble(logChange)).map(e -> "**" + e.key() + "**")
                .collect(Collectors.joining(", "));
    }

    /** {@code |ln(f_L/f_1)|}; infinite if the signal dies out. */
    private static double forwardLogChange(Entry e) {
        List<Double> f = e.forwardStd();
        return Math.abs(Math.log(f.get(f.size() - 1) / f.get(1)));
    }

    /** {@code |ln(g_1/g_L)|}; infinite if the gradient dies out. */
    private static double backwardLogChange(Entry e) {
        List<Double> g = e.backwardStd();
        return Math.abs(Math.log(g.get(1) / g.get(g.size() - 1)));
    }

    private static String activation(Entry e) {
        return e.activation().equals("relu") ? "ReLU" : e.activation();
    }
}
