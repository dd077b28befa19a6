package org.convergence4j.writeups;

import org.convergence4j.claims.Sentence;
import java.util.EnumMap;
import org.convergence4j.claims.SentenceVerdict;
import org.convergence4j.claims.InitializationClaims;
import org.convergence4j.claims.Judgement;
import org.convergence4j.probe.DepthRatios;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.models.Parameter;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.AtomicFiles;
import org.convergence4j.persistence.Json;
import org.convergence4j.persistence.InitStudyFile;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.SummaryFile;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.LayerSummary;
import org.convergence4j.probe.MeanFieldTheory;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.GeometricSpread;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.study.StudyOutputs;
import org.convergence4j.study.StudyReport;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingSettings;
import org.convergence4j.study.InitializationReport;
import org.convergence4j.train.FakeRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookWriterTest {

    /** A number as the notebooks print it; the sign is left out on both sides (ranges print "−a to b"). */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?");
    /** Every way the notebooks format a number. */
    private static final List<DoubleFunction<String>> FORMATS = List.of(Numbers::percent, Numbers::points, Numbers::finePoints,
            Numbers::wholePercent, Numbers::loss, Numbers::std, Numbers::oneDecimal, Numbers::rounded, Numbers::plain,
            v -> Numbers.signed(v, "pp"), v -> Numbers.signed(v, "nats"));
    private static final Invocation INVOCATION = new Invocation("mvn test-command", "mvn test-all");
    /** The seminar's studies at the fake runs' settings; Part 1's trained nets at their own. */
    private static final List<Study> STUDIES = Studies.SEMINAR.stream()
            .map(s -> s.trains() && !s.initialization() ? s.withTraining(FakeRuns.SETTINGS).withSeeds(FakeRuns.SEEDS) : s)
            .toList();

    /**
     * The test, "every number it prints is present in the JSON files": each number in the generated text
     * (outside the templates' fixed prose, commands and link targets) must be a value of {@code summary.json}, of
     * Part 1's {@code summary.json}, or of a study's {@code comparison.json}, {@code verdicts.json} or
     * {@code sweep.json} (the statistics computed from the runs), formatted by one of {@link Numbers}' methods, or
     * digits inside a string of those files.
     */
    @Test
    void everyNumberPrintedIsPresentInTheJsonFiles(@TempDir Path dir) throws IOException {
        ResultsLayout layout = writeAll(dir, fullRuns());

        Set<String> allowed = new HashSet<>();
        List<Path> json = new ArrayList<>(List.of(layout.summary(), layout.initSummary(Studies.PART1.folder()),
                layout.initTrainingJson(Studies.PART1.folder()), layout.initTrainingVerdicts(Studies.PART1.folder())));
        for (Study s : STUDIES) {
            for (Path file : List.of(layout.comparisonJson(s.folder()), layout.verdicts(s.folder()), layout.sweepJson(s.folder()))) {
                if (s.trains() && Files.exists(file)) {
                    json.add(file);
                }
            }
        }
        assertTrue(json.contains(layout.verdicts(Studies.PART4.folder())) && json.contains(layout.sweepJson(Studies.SWEEP.folder())));
        assertTrue(json.contains(layout.verdicts(Studies.PART1.folder())), "Part 1 has its verdict at initialization");
        assertTrue(Files.exists(layout.initTrainingVerdicts(Studies.PART1.folder())), "Part 1's trained nets have theirs");
        for (Path file : json) {
            collect(new ObjectMapper().readTree(file.toFile()), allowed);
        }
        int checked = 0;
        for (Study s : STUDIES) {
            String name = s.writeup() + ".md";
            List<String> numbers = generatedNumbers(name, Files.readString(layout.notebook(s.writeup())));
            for (String n : numbers) {
                assertTrue(allowed.contains(n), name + " prints " + n + ", which is in no JSON file");
            }
            checked += numbers.size();
        }
        assertTrue(checked > 200, "the check must see the tables and conclusions, saw " + checked + " numbers");
    }

    /**
     * The trained nets' section of Part 1: one table row per net and optimizer, every finding with its verdict, the
     * net that stayed at chance, and the orders compared. In the fixture the forward std of a changes by 0.83 per
     * layer and b's by 0.71, so a is the steadier forward and b the steadier backward (1.7 against 0.93 per layer);
     * a ends below b in training loss.
     */
    @Test
    void partOnesTrainedNetsAreWrittenUpWithTheFindings(@TempDir Path dir) throws IOException {
        ResultsLayout layout = writeAll(dir, fullRuns());
        String part1 = Files.readString(layout.notebook("Part1-initialization"));
        String section = part1.substring(part1.indexOf("## Training the nets"), part1.indexOf("## Where this"));

        assertTrue(section.contains("](../part1-initialization/training_loss.png)"), section);
        String table = section.substring(section.indexOf("### Final training loss"), section.indexOf("### Does"));
        assertEquals(Studies.PART1_TRAINING.variants().size(), table.lines().filter(l -> l.startsWith("| **")).count());
        Judgement judgement = Json.read(layout.initTrainingVerdicts(Studies.PART1.folder()), Judgement.class);
        assertEquals(6, judgement.claims().size(), "three contrasts, two optimizers");
        for (Finding f : judgement.readings()) {
            assertTrue(section.lines().anyMatch(l -> l.startsWith("| 1.4 | " + f.claim() + " | " + f.reading() + " | ")
                    && l.endsWith(" | " + f.verdictText() + " |")), f.claim() + " / " + f.reading());
        }
        assertTrue(section.contains("Still at chance") && section.contains("**relu_xavier** with SGD, lr " + Parameter.format(Studies.SGD_LEARNING_RATE)),
                section);
        assertTrue(section.contains("lowest final training loss first: **a** (") && section.contains(
                "forward **a**, **b**, which gives this order; backward **b**, **a**, which does not"), section);
        assertTrue(section.contains("diverged: InitA(sgd=" + Parameter.format(Studies.SGD_LEARNING_RATE) + ") seed 3 diverged"), section);
    }

    @Test
    void withoutTrainedNetsPartOneSaysSo(@TempDir Path dir) throws IOException {
        ResultsLayout layout = ResultsLayout.of(dir.resolve("results"));
        NotebookWriter.writeInitialization(Studies.PART1, Optional.empty(), Optional.empty(), layout, INVOCATION,
                AnalysisPlan.of(List.of(Studies.PART1)));
        String part1 = Files.readString(layout.notebook("Part1-initialization"));
        assertTrue(part1.contains("the nets have not been trained yet"), part1);
        assertTrue(part1.contains("Part 1 has not been run yet"), part1);
        assertFalse(part1.contains("{{"), part1);
    }

    @Test
    void aNumberTypedIntoTheTextIsCaught(@TempDir Path dir) throws IOException {
        ResultsLayout layout = writeAll(dir, fullRuns());
        String text = Files.readString(layout.notebook("Part4-comparison")) + "\nBatchNorm wins by 0.37 pp.\n";
        assertTrue(generatedNumbers("Part4-comparison.md", text).contains("0.37"));
        assertFalse(generatedNumbers("Part4-comparison.md", text).contains("196"), "the template's 196 is fixed text");
    }

    @Test
    void statusNamesUnfinishedSeedsAndMissingVariants(@TempDir Path dir) throws IOException {
        ResultsLayout layout = writeAll(dir, FakeRuns.standard());

        String part2 = Files.readString(layout.notebook("Part2-dropout"));
        String part4 = Files.readString(layout.notebook("Part4-comparison"));
        assertTrue(part2.contains("2 of 3 seeds finished for **DropConnect**; diverged: DropConnect seed 3 diverged: "
                + "loss NaN at epoch 3"), part2);
        assertTrue(part4.contains("no run yet for **RMSNorm**"), part4);
        assertTrue(Files.readString(layout.notebook("Part3-normalization")).contains("no run yet for **RMSNorm**"));
    }

    @Test
    void withoutResultsEveryNotebookSaysSo(@TempDir Path dir) throws IOException {
        ResultsLayout layout = ResultsLayout.of(dir.resolve("results"));
        for (Study s : STUDIES) {
            NotebookWriter.writeAll(List.of(s), StudyOutputs.writeAll(List.of(s), List.of(), layout, Judgement.NONE),
                    Optional.empty(), layout, INVOCATION);
            String text = Files.readString(layout.notebook(s.writeup()));
            assertFalse(text.contains("!["), s.writeup() + " links a figure that does not exist");
            assertFalse(text.contains("{{"), s.writeup());
        }
        assertTrue(Files.readString(layout.notebook("Part4-comparison")).contains("no run of this study is stored yet"));
        assertTrue(Files.readString(layout.notebook("Part1-initialization")).contains("has not been run yet"));
    }

    @Test
    void figuresAreLinkedRelativelyOnlyWhenTheyExist(@TempDir Path dir) throws IOException {
        ResultsLayout layout = writeAll(dir, FakeRuns.variant(Variants.BASELINE.defaults(), new double[] {0.99}, 0.02, 1));
        String part2 = Files.readString(layout.notebook("Part2-dropout"));
        assertFalse(part2.contains("!["), "a diverged run has no curves: " + part2);

        layout = writeAll(dir, FakeRuns.standard());
        part2 = Files.readString(layout.notebook("Part2-dropout"));
        assertTrue(part2.contains("](../part2-dropout/baseline.png)"), part2);
        assertTrue(Files.readString(layout.notebook("Part4-comparison")).contains("](../part4-comparison/compare_results.png)"));
    }

    @Test
    void everyWriteUpAnswersAndItsVerdictsAreThoseOfItsJson(@TempDir Path dir) throws IOException {
        ResultsLayout layout = writeAll(dir, fullRuns());
        for (Study s : STUDIES) {
            String text = Files.readString(layout.notebook(s.writeup()));
            assertTrue(text.contains("## Answer") && text.contains("**Answer"), s.writeup() + " has no Answer");
        }
        String hash = "SHA-256 `" + AnalysisPlan.sha256(Files.readString(layout.analysisPlan())) + "`";
        for (Study s : STUDIES) {
            assertTrue(Files.readString(layout.notebook(s.writeup())).contains(hash), s.writeup() + " cites the plan");
        }
        String part4 = Files.readString(layout.notebook(Studies.PART4.writeup()));
        Judgement judgement = Json.read(layout.verdicts(Studies.PART4.folder()), Judgement.class);
        assertTrue(judgement.claims().size() >= Studies.PART4.claims().size());
        assertTrue(judgement.sentences().stream().anyMatch(s -> s.section().equals("1.4")), "Part 1's verdict too");
        assertTrue(judgement.claims().stream().noneMatch(c -> c.claim().contains("trains better")),
                "1.4's verdict is Part 1's at initialization; the trained nets' readings stand beside it, apart");
        for (Finding f : judgement.readings()) {
            assertTrue(part4.contains("| " + f.claim() + " | " + f.reading() + " | ")
                    && part4.contains(" | " + f.verdictText() + " |"), f.claim() + ": " + f.verdictText());
        }
        for (SentenceVerdict s : judgement.sentences()) {
            assertTrue(part4.contains("| " + s.section() + " | " + s.sentence() + " | "), s.sentence());
        }
        assertTrue(part4.contains("Of the notebook's " + judgement.sentences().size() + " conclusions (its sentences)"),
                part4);
    }

    @Test
    void theWriteUpNamesItsFolderAndTheCommandThatWroteIt(@TempDir Path dir) throws IOException {
        ResultsLayout layout = writeAll(dir, FakeRuns.standard());
        String part3 = Files.readString(layout.notebook("Part3-normalization"));
        assertTrue(part3.contains("`mvn test-command`") && part3.contains("`mvn test-all`"), part3);
        assertTrue(part3.contains("Generated from `../`"), part3);
        assertFalse(part3.contains("Generated from `results/`"), part3);
    }

    @Test
    void aVariantIsCalledBetterOnlyWhenThePairedIntervalExcludesZero(@TempDir Path dir) throws IOException {
        Variant layerNorm = Variants.LAYERNORM.defaults();
        // LayerNorm with BatchNorm's gap and 0.5 pp below it seed by seed: the paired interval excludes 0.
        double[] finals = {0.98627, 0.98583, 0.98661};
        ResultsLayout layout = writeAll(dir, FakeRuns.plus(FakeRuns.without(FakeRuns.standard(), layerNorm),
                FakeRuns.variant(layerNorm, finals, 0.019, 4, 4, 4)));
        String part3 = Files.readString(layout.notebook("Part3-normalization"));
        assertTrue(part3.contains("**BatchNorm** is better than **LayerNorm** by " + Numbers.percent(0.005) + " pp"),
                part3);
        assertTrue(part3.contains("| BatchNorm is slightly better than LayerNorm | at the end-point | "), part3);
        assertTrue(part3.lines().anyMatch(l -> l.startsWith("| 3.3 | BatchNorm is slightly better than LayerNorm | at "
                + "the end-point | ") && l.endsWith(" | supported |")), part3);
        assertTrue(part3.lines().anyMatch(l -> l.startsWith("| 3.3 | BatchNorm and LayerNorm differ little | at "
                + "the end-point | ") && l.endsWith(" | contradicted |")), part3);

        layout = writeAll(dir, FakeRuns.standard());
        part3 = Files.readString(layout.notebook("Part3-normalization"));
        assertTrue(part3.contains("**BatchNorm** and **LayerNorm**: not resolved"), part3);
        assertTrue(part3.lines().anyMatch(l -> l.startsWith("| 3.3 | BatchNorm is slightly better than LayerNorm | at "
                + "the end-point | ") && l.endsWith(" | not resolved at n = 3 |")), part3);
    }

    /**
     * The new evidence is written up beside Part 4's verdicts: one column per study, a row per sentence and per claim,
     * each study's readings and its figure; a study with a write-up of its own (Fashion-MNIST) has there its column
     * beside Part 4's alone, and its column in the write-up of the others too.
     */
    @Test
    void theNewEvidenceIsWrittenUpBesidePartFour(@TempDir Path dir) throws IOException {
        Study part4 = Studies.PART4.withTraining(FakeRuns.SETTINGS).withSeeds(FakeRuns.SEEDS);
        Study evidence = Studies.AS_RUN.withVariants(Studies.SEMINAR_VARIANTS).withTraining(FakeRuns.SETTINGS)
                .withSeeds(FakeRuns.SEEDS);
        Study apart = Studies.FASHION_MNIST.withTraining(FakeRuns.SETTINGS).withSeeds(FakeRuns.SEEDS);
        Study untrained = Studies.ADAM_3E3.withTraining(FakeRuns.SETTINGS).withSeeds(List.of(7L, 8L));
        ResultsLayout layout = ResultsLayout.of(dir.resolve("results"));
        List<Study> studies = List.of(part4, evidence, untrained, apart);
        List<Study> written = NotebookWriter.writeAll(studies, StudyOutputs.writeAll(studies, FakeRuns.standard(),
                layout, Judgement.NONE), Optional.empty(), layout, INVOCATION);

        assertTrue(written.containsAll(List.of(evidence, apart)), written.toString());
        String together = Files.readString(layout.notebook(evidence.writeup()));
        String intended = "as intended (Part 4: mnist, Adam 0.001)";
        assertFalse(together.contains("{{"), together);
        assertTrue(together.contains("| notebook | sentence or claim | " + intended + " | " + evidence.name() + " | "
                + untrained.name() + " | " + apart.name() + " |"), together);
        String sentence = together.lines().filter(l -> l.startsWith("| 2.3 | *" + Sentence.DROPOUT_BETTER.text()
                + "* | **")).findFirst().orElseThrow(() -> new AssertionError(together));
        assertTrue(sentence.matches(".* \\| \\*\\*[^|]+\\*\\* \\| — \\| \\*\\*[^|]+\\*\\* \\|$"),
                "a study without runs has a dash, not a verdict at n = 0: " + sentence);
        assertTrue(together.contains("### " + evidence.name()), together);
        assertFalse(together.contains("### " + apart.name()), together);
        assertTrue(together.contains("](" + apart.writeup() + ".md)"), together);
        assertTrue(together.contains("](../" + evidence.folder() + "/verdicts.png)"), together);
        assertTrue(Files.exists(layout.verdictsFigure(evidence.folder())));
        assertFalse(together.contains("the same at every rate?"), "no study differs only in the rate: " + together);

        String own = Files.readString(layout.notebook(apart.writeup()));
        assertFalse(own.contains("{{"), own);
        assertTrue(own.contains("| notebook | sentence or claim | " + intended + " | " + apart.name() + " |"), own);
        assertTrue(own.contains("### " + apart.name()), own);
        assertTrue(own.contains("](../" + apart.folder() + "/verdicts.png)"), own);
    }

    /**
     * Studies that differ from Part 4 only in the learning rate get a last column saying whether each verdict is the
     * same at every rate, and which rates give which verdict where it is not: here DropConnect beats Dropout at the
     * highest rate only, so the claim that Dropout is better cannot hold at every rate.
     */
    @Test
    void theVerdictAtEveryRateNamesTheRatesWhereItDiffers(@TempDir Path dir) throws IOException {
        Study part4 = Studies.PART4.withTraining(FakeRuns.SETTINGS).withSeeds(FakeRuns.SEEDS);
        TrainingSettings low = FakeRuns.SETTINGS.withLearningRate(FakeRuns.SETTINGS.learningRate() / 3);
        TrainingSettings high = FakeRuns.SETTINGS.withLearningRate(FakeRuns.SETTINGS.learningRate() * 3);
        Study slow = Studies.ADAM_3E4.withTraining(low).withSeeds(FakeRuns.SEEDS);
        Study fast = Studies.ADAM_3E3.withTraining(high).withSeeds(FakeRuns.SEEDS);
        Variant dropConnect = Variants.DROPCONNECT.defaults();
        // At the high rate DropConnect ends 0.6 pp above Dropout, seed by seed: Dropout is not better there.
        List<RunRecord> fastRuns = FakeRuns.plus(FakeRuns.without(FakeRuns.standard(), dropConnect),
                FakeRuns.variant(dropConnect, new double[] {0.99521, 0.99284, 0.99395}, 0.042, 4, 4, 4));
        List<RunRecord> runs = new ArrayList<>(FakeRuns.standard());
        runs.addAll(FakeRuns.atSettings(FakeRuns.standard(), low));
        runs.addAll(FakeRuns.atSettings(fastRuns, high));
        ResultsLayout layout = ResultsLayout.of(dir.resolve("results"));
        List<Study> studies = List.of(part4, slow, fast);
        NotebookWriter.writeAll(studies, StudyOutputs.writeAll(studies, runs, layout, Judgement.NONE),
                Optional.empty(), layout, INVOCATION);

        String text = Files.readString(layout.notebook(slow.writeup()));
        String rates = Numbers.plain(low.learningRate()) + ", " + Numbers.plain(FakeRuns.SETTINGS.learningRate())
                + ", " + Numbers.plain(high.learningRate());
        assertTrue(text.contains("| the same at every rate? (Adam " + rates + ") |"), text);
        String claim = text.lines().filter(l -> l.startsWith("|  | Dropout is better than DropConnect |")).findFirst()
                .orElseThrow(() -> new AssertionError(text));
        String acrossRates = claim.substring(claim.lastIndexOf(" | ", claim.length() - 3) + 3, claim.length() - 2);
        assertFalse(acrossRates.endsWith("at every rate"), claim);
        assertTrue(acrossRates.contains("contradicted (" + Numbers.plain(high.learningRate()) + ")"), claim);
        // The same runs at the low rate as at Part 4's: a claim the fast runs do not touch holds alike at those two.
        String unchanged = text.lines().filter(l -> l.startsWith("|  | Dropout trains worse than it tests |"))
                .findFirst().orElseThrow(() -> new AssertionError(text));
        assertTrue(unchanged.endsWith(" at every rate |"), unchanged);
    }

    /** Summary, every study's outputs and write-up, and Part 1's summary and write-up, from {@code runs}. */
    private static ResultsLayout writeAll(Path dir, List<RunRecord> runs) {
        ResultsLayout layout = ResultsLayout.of(dir.resolve("results"));
        List<Variant> all = Studies.PART4.variants();
        SummaryFile summary = SummaryFile.of(all, runs, FakeRuns.SETTINGS, FakeRuns.SEEDS, INVOCATION.command());
        summary.write(layout.summary());
        List<ConfigurationResult> init = List.of(initResult(InitConfiguration.A, 0.83, 1.7),
                initResult(InitConfiguration.B, 0.71, 0.93), initResult(InitConfiguration.D, 0.77, 0.61),
                initResult(InitConfiguration.TANH_HE, 0.79, 1.08));
        InitStudyFile.of(init).write(layout.initSummary(Studies.PART1.folder()));
        Map<InitConfiguration, DepthRatios> depth = new EnumMap<>(InitConfiguration.class);
        init.forEach(r -> depth.put(r.configuration(), r.depth()));
        Judgement atInitialization = InitializationClaims.judgeDepth(depth, 0.95);
        Json.write(layout.verdicts(Studies.PART1.folder()), atInitialization);
        InitializationReport report = new InitializationReport(InitStudyFile.of(init).configurations(),
                atInitialization);
        // As the sections do: every study's outputs, then every write-up once.
        NotebookWriter.writeAll(STUDIES, StudyOutputs.writeAll(STUDIES, runs, layout, atInitialization),
                Optional.of(report), layout, INVOCATION);
        return layout;
    }

    /** The standard fake runs plus a partly finished RMSNorm (beyond the seminar), and Part 1's trained nets. */
    private static List<RunRecord> fullRuns() {
        return FakeRuns.plus(FakeRuns.plus(FakeRuns.standard(), FakeRuns.variant(Variants.RMSNORM.defaults(),
                new double[] {0.99237, 0.99180, 0.9911}, 0.02, 4, 4, 3)), FakeRuns.initTraining());
    }

    /**
     * The numbers of the text outside fixed prose: the template's literal text, code spans (commands, file names)
     * and link targets are removed first.
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
    private static void collect(JsonNode json, Set<String> allowed) {
        if (json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                tokens(e.getKey(), allowed);
                collect(e.getValue(), allowed);
            }
        } else if (json.isArray()) {
            json.forEach(e -> collect(e, allowed));
        } else if (json.isNumber()) {
            double v = json.asDouble();
            FORMATS.forEach(f -> tokens(f.apply(v), allowed));
        } else if (json.isTextual()) {
            tokens(json.asText(), allowed);
        }
    }

    private static void tokens(String text, Set<String> allowed) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            allowed.add(m.group());
        }
    }

    /** Stds that change geometrically by {@code forward} and {@code backward} per layer, with a theory. */
    private static ConfigurationResult initResult(InitConfiguration c, double forward, double backward) {
        int depth = c.mlp().depth();
        List<LayerSummary> layers = IntStream.range(0, depth).mapToObj(l -> new LayerSummary(l + 1, c.mlp().fanIn(l),
                c.mlp().fanOut(l), spread(0.9817 * Math.pow(forward, l), 0.01),
                spread(3.1e-4 * Math.pow(backward, depth - l), 1e-5), spread(1e-3, 1e-4))).toList();
        List<Double> theory = IntStream.range(0, depth).mapToObj(l -> 0.97 * Math.pow(forward, l)).toList();
        return new ConfigurationResult(c, 10, layers, Optional.of(new MeanFieldTheory.Expectation(theory, theory)),
                new DepthRatios(java.util.Collections.nCopies(10, Math.abs(Math.log(Math.pow(forward, depth - 2)) / Math.log(2))),
                        java.util.Collections.nCopies(10, Math.abs(Math.log(Math.pow(backward, depth - 2)) / Math.log(2)))));
    }

    /** A spread over ten seeds with this mean and sd. */
    private static GeometricSpread spread(double mean, double factor) {
        return new GeometricSpread(10, mean, OptionalDouble.of(factor));
    }
}
