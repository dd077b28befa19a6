package org.convergence4j.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.LayerSummary;
import org.convergence4j.probe.MeanFieldTheory;
import org.convergence4j.probe.MeanSd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookWriterTest {

    /** A number as the notebooks print it; the sign is left out on both sides (ranges print "−a to b"). */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?");
    /** Every way the notebooks format a number. */
    private static final List<DoubleFunction<String>> FORMATS = List.of(Numbers::percent, Numbers::points,
            Numbers::wholePercent, Numbers::loss, Numbers::std, Numbers::oneDecimal, Numbers::rounded, Numbers::plain);

    /**
     * The test, "every number it prints is present in summary.json": each number in the
     * generated text (outside the templates' fixed prose, commands and link targets) must be a
     * value of {@code summary.json}, of Part 1's {@code summary.json}, or of
     * {@code comparison.json} (the statistics computed from {@code summary.json}), formatted by one
     * of {@link Numbers}' methods, or digits inside a string of those files.
     */
    @Test
    void everyNumberPrintedIsPresentInTheJsonFiles(@TempDir Path dir) throws IOException {
        Path results = fullResults(dir);
        Path notebooks = dir.resolve("notebooks-equivalent");
        NotebookWriter.write(results, notebooks);

        Set<String> allowed = new HashSet<>();
        for (Path json : List.of(results.resolve("summary.json"), results.resolve("part1-initialization/summary.json"),
                results.resolve("part4-comparison/comparison.json"))) {
            collect(new JsonParser().parse(Files.readString(json)), allowed);
        }
        int checked = 0;
        for (String name : NotebookWriter.NOTEBOOKS) {
            List<String> numbers = generatedNumbers(name, Files.readString(notebooks.resolve(name)));
            for (String n : numbers) {
                assertTrue(allowed.contains(n), name + " prints " + n + ", which is in no JSON file");
            }
            checked += numbers.size();
        }
        assertTrue(checked > 200, "the check must see the tables and conclusions, saw " + checked + " numbers");
    }

    @Test
    void aNumberTypedIntoTheTextIsCaught(@TempDir Path dir) throws IOException {
        Path results = fullResults(dir);
        NotebookWriter.write(results, dir.resolve("nb"));
        String text = Files.readString(dir.resolve("nb/Part4-comparison.md")) + "\nBatchNorm wins by 0.37 pp.\n";
        assertTrue(generatedNumbers("Part4-comparison.md", text).contains("0.37"));
        assertFalse(generatedNumbers("Part4-comparison.md", text).contains("196"), "the template's 196 is fixed text");
    }

    @Test
    void statusNamesUnfinishedSeedsAndMissingVariants(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("results");
        FakeSummary.standard().withDivergence().writeTo(results.resolve("summary.json"));
        NotebookWriter.write(results, dir.resolve("nb"));

        String part2 = Files.readString(dir.resolve("nb/Part2-dropout.md"));
        String part4 = Files.readString(dir.resolve("nb/Part4-comparison.md"));
        assertTrue(part2.contains("2 of 3 seeds finished for **DropConnect**; diverged: DropConnect seed 3: loss NaN"), part2);
        assertTrue(part4.contains("no run yet for **RMSNorm**"), part4);
        assertTrue(Files.readString(dir.resolve("nb/Part3-normalization.md")).contains("**Status:** all runs finished."));
        assertTrue(Files.readString(dir.resolve("nb/Part1-initialization.md")).contains("has not been run yet"));
    }

    @Test
    void withoutResultsEveryNotebookSaysSo(@TempDir Path dir) throws IOException {
        NotebookWriter.write(dir.resolve("results"), dir.resolve("nb"));
        for (String name : NotebookWriter.NOTEBOOKS) {
            String text = Files.readString(dir.resolve("nb").resolve(name));
            assertFalse(text.contains("!["), name + " links a figure that does not exist");
            assertFalse(text.contains("{{"), name);
        }
        assertTrue(Files.readString(dir.resolve("nb/Part4-comparison.md")).contains("no training results yet"));
    }

    @Test
    void figuresAreLinkedRelativelyOnlyWhenTheyExist(@TempDir Path dir) throws IOException {
        Path results = fullResults(dir);
        AtomicFiles.writeString(results.resolve("part2-dropout/baseline.png"), "not really a PNG");
        NotebookWriter.write(results, dir.resolve("nb"));

        String part2 = Files.readString(dir.resolve("nb/Part2-dropout.md"));
        assertTrue(part2.contains("](../results/part2-dropout/baseline.png)"), part2);
        assertFalse(part2.contains("dropout/dropout.png"));
        assertFalse(Files.readString(dir.resolve("nb/Part4-comparison.md")).contains("compare_results.png"));
    }

    @Test
    void aVariantIsCalledBetterOnlyWhenTheIntervalExcludesZero(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("results");
        // LayerNorm tight and 0.5 pp below BatchNorm: the interval excludes 0.
        FakeSummary.standard().without("LayerNorm")
                .variant("LayerNorm", 3, new double[] {0.98652, 0.98611, 0.98688}, 0.023, 4, 4, 4)
                .writeTo(results.resolve("summary.json"));
        NotebookWriter.write(results, dir.resolve("nb"));
        String part3 = Files.readString(dir.resolve("nb/Part3-normalization.md"));
        double difference = (0.99127 + 0.99083 + 0.99161) / 3 - (0.98652 + 0.98611 + 0.98688) / 3;
        assertTrue(part3.contains("**BatchNorm** is better than **LayerNorm** by " + Numbers.percent(difference) + " pp"),
                part3);

        FakeSummary.standard().writeTo(results.resolve("summary.json"));
        NotebookWriter.write(results, dir.resolve("nb"));
        assertTrue(Files.readString(dir.resolve("nb/Part3-normalization.md"))
                .contains("**BatchNorm** and **LayerNorm**: no significant difference"));
    }

    /**
     * The numbers of the text outside fixed prose: the template's literal text, code spans
     * (commands, file names) and link targets are removed first.
     */
    static List<String> generatedNumbers(String notebook, String text) {
        String generated = text;
        List<String> literals = MarkdownTemplate.load(notebook).literals().stream().map(String::strip)
                .filter(l -> !l.isEmpty()).sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String literal : literals) {
            generated = generated.replace(literal, " ");
        }
        generated = generated.replaceAll("`[^`]*`", " ").replaceAll("\\]\\([^)]*\\)", "] ");
        Matcher m = NUMBER.matcher(generated);
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    /** Every formatting of every number, and the digit runs of every string and key, of {@code json}. */
    private static void collect(JsonElement json, Set<String> allowed) {
        if (json.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
                tokens(e.getKey(), allowed);
                collect(e.getValue(), allowed);
            }
        } else if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(e -> collect(e, allowed));
        } else if (json.isJsonPrimitive()) {
            JsonPrimitive p = json.getAsJsonPrimitive();
            if (p.isNumber()) {
                double v = p.getAsDouble();
                FORMATS.forEach(f -> tokens(f.apply(v), allowed));
            } else {
                tokens(p.getAsString(), allowed);
            }
        }
    }

    private static void tokens(String text, Set<String> allowed) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            allowed.add(m.group());
        }
    }

    /**
     * A results folder with every input: the fake training summary plus a partly finished RMSNorm
     * (beyond the seminar), the comparison Part 4 writes from it, and a Part 1 summary.
     */
    private static Path fullResults(Path dir) {
        Path results = dir.resolve("results");
        FakeSummary fake = FakeSummary.standard().variant("RMSNorm", 3, new double[] {0.99237, 0.99180, 0.9911}, 0.02,
                4, 4, 3);
        fake.json().getAsJsonObject("variants").getAsJsonObject("RMSNorm").addProperty("beyond_seminar", true);
        fake.writeTo(results.resolve("summary.json"));
        ComparisonFiles.write(results.resolve("part4-comparison"),
                Comparison.of(RunSummary.read(results.resolve("summary.json"))));
        InitSummaryJson.write(results.resolve("part1-initialization/summary.json"), List.of(
                initResult(InitConfiguration.A, 0.83, 1.7), initResult(InitConfiguration.B, 0.71, 0.93),
                initResult(InitConfiguration.D, 0.77, 0.61), initResult(InitConfiguration.TANH_HE, 0.79, 1.08)));
        return results;
    }

    /** Stds that change geometrically by {@code forward} and {@code backward} per layer, with a theory. */
    private static ConfigurationResult initResult(InitConfiguration c, double forward, double backward) {
        int depth = c.mlp().depth();
        List<LayerSummary> layers = IntStream.range(0, depth).mapToObj(l -> new LayerSummary(l + 1, c.mlp().fanIn(l),
                c.mlp().fanOut(l), new MeanSd(0.9817 * Math.pow(forward, l), 0.01),
                new MeanSd(3.1e-4 * Math.pow(backward, depth - l), 1e-5), new MeanSd(1e-3, 1e-4))).toList();
        List<Double> theory = IntStream.range(0, depth).mapToObj(l -> 0.97 * Math.pow(forward, l)).toList();
        return new ConfigurationResult(c, 10, layers, Optional.of(new MeanFieldTheory.Expectation(theory, theory)));
    }
}
