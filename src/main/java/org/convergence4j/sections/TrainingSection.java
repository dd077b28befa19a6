package org.convergence4j.sections;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence4j.claims.Judgement;
import org.convergence4j.data.Dataset;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.data.Mnist;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.Json;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.plot.Charts;
import org.convergence4j.persistence.RunStore;
import org.convergence4j.persistence.SummaryFile;
import org.convergence4j.study.InitializationReport;
import org.convergence4j.study.Studies;
import org.convergence4j.study.StudyOutputs;
import org.convergence4j.study.Study;
import org.convergence4j.study.StudyReport;
import org.convergence4j.study.StudyRunner;
import org.convergence4j.study.TrainingData;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.TrainingSettings;
import org.convergence4j.ui.TrainingUi;
import org.convergence4j.writeups.Invocation;
import org.convergence4j.writeups.NotebookWriter;
import org.nd4j.linalg.dataset.DataSet;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A section that runs a list of studies: Part 1 where the list has it, then every run of the training studies
 * (reused when stored with the same configuration), then every study's outputs, then each write-up once (Part 1's
 * presents the files of two studies). Ctrl-C stops after the current batch, finished runs are kept, and a rerun
 * continues where it stopped.
 */
abstract class TrainingSection implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    UiOptions uiOptions;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The studies this section runs at the reference configuration, which {@code results/} holds. */
    abstract List<Study> reference();

    /** The names of the training sections whose studies compare {@code kind}, e.g. {@code Part3Normalization}. */
    static List<String> sectionsComparing(VariantKind kind) {
        return Stream.of(new Part2Dropout(), new Part3Normalization(), new Part4Comparison(), new RunAll())
                .filter(section -> section.reference().stream().anyMatch(s -> s.variants().stream()
                        .anyMatch(v -> v.kind().equals(kind))))
                .map(section -> section.getClass().getSimpleName()).toList();
    }

    @Override
    public final Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        List<Study> studies = experiment.studies(reference(), cl);
        boolean isReference = studies.equals(reference());
        Path out = common.out(cl, experiment.defaultOut(isReference));
        PrintStream console = System.out;
        for (Study s : studies) {
            reference().stream().filter(r -> r.name().equals(s.name()) && !r.variants().equals(s.variants()))
                    .flatMap(r -> r.claimsLeftOutBy(s.variants()).stream()).distinct()
                    .forEach(line -> console.println(s.name() + ": " + line));
        }
        if (common.out == null && !isReference) {
            console.println("results go to " + out + "/ (these are not the reference settings of results/; --out "
                    + "chooses another folder)");
        }
        Dataset dataset = Dataset.of(experiment.dataset);
        ResultsLayout layout = ResultsLayout.of(dataset == Dataset.MNIST ? out : out.resolve(dataset.id()));
        if (!isReference && ResultsLayout.sameFolder(out, ResultsLayout.REFERENCE)) {
            throw new CommandLine.ParameterException(cl, "--out " + common.out + ": " + ResultsLayout.REFERENCE
                    + "/ holds the committed results and is written only by the reference settings (the section "
                    + "without options); these settings write to " + experiment.defaultOut(false) + "/ by default, "
                    + "where the committed runs of identical configuration are reused, or to another --out");
        }
        ResultsLayout reference = ResultsLayout.of(dataset == Dataset.MNIST ? ResultsLayout.REFERENCE
                : ResultsLayout.REFERENCE.resolve(dataset.id()));
        TrainingUi ui = uiOptions.open(cl, experiment.reportOnly, console);
        List<String> args = cl.getParseResult().originalArgs();
        Invocation invocation = new Invocation(Invocation.maven(getClass().getName(), args),
                Invocation.maven(Invocation.DEFAULT_MAIN, args));
        Charts.prepareForShutdown();
        StopSignal stop = StopSignal.onCtrlC(console);
        Data data = new Data(dataset, common.dataDir, stop, console);
        Map<Dataset, Data> byDataset = new HashMap<>(Map.of(dataset, data));
        try {
            Optional<InitializationReport> initialization = experiment.reportOnly ? Optional.empty()
                    : writeUntrained(studies, data, layout, stop, console);
            if (initialization.isEmpty()) {
                initialization = storedInitialization(layout, reference, console);
            }
            List<Study> training = studies.stream().filter(Study::trains).toList();
            // Seed-major over all studies, so that a stopped command has every variant at the first seeds.
            List<RunSpec> specs = training.stream().flatMap(s -> s.runs().stream()).distinct()
                    .sorted(Comparator.comparingLong(RunSpec::seed)).toList();
            // One store for every dataset: a run's identity names its dataset.
            List<Path> shared = Stream.of(reference.runs(), ResultsLayout.of(ResultsLayout.REFERENCE).runs())
                    .distinct().toList();
            StudyRunner runner = new StudyRunner(layout, shared, experiment.force, experiment.reportOnly,
                    experiment.jobs, stop, console, ui);
            List<RunRecord> others = otherStoredRuns(layout, training);
            List<RunRecord> known = new ArrayList<>();
            List<RunRecord> runs = new ArrayList<>();
            List<String> elsewhere = new ArrayList<>();
            // Each dataset's runs with its own images (a study of new evidence trains on another dataset).
            Map<String, List<RunSpec>> groups = specs.stream().collect(Collectors.groupingBy(
                    spec -> spec.settings().dataset(), LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<RunSpec>> group : groups.entrySet()) {
                if (stop.isRequested()) {
                    break;
                }
                StudyRunner.Plan plan = runner.plan(group.getValue(), experiment.shard(cl));
                known.addAll(plan.reused().values());
                Data images = byDataset.computeIfAbsent(Dataset.of(group.getKey()),
                        d -> new Data(d, d == dataset ? common.dataDir : null, stop, console));
                StudyRunner.Outcome part = runner.run(plan,
                        plan.needsData() ? Optional.of(images.training()) : Optional.empty(), stored -> {
                            synchronized (known) {
                                known.add(stored);
                                summary(training, known, others, invocation).write(layout.summary());
                            }
                        });
                runs.addAll(part.runs());
                elsewhere.addAll(part.elsewhere());
            }
            StudyRunner.Outcome outcome = new StudyRunner.Outcome(runs, elsewhere);
            if (experiment.reportOnly && !specs.isEmpty() && runs.isEmpty()) {
                throw nothingToReport(cl, training, layout);
            }
            if (!experiment.reportOnly && !outcome.elsewhere().isEmpty() && !stop.isRequested()) {
                console.println(outcome.elsewhere().size() + " run(s) are being trained by other processes ("
                        + String.join(", ", outcome.elsewhere()) + "); the last process to finish writes the summary, "
                        + "figures and write-ups (or run the command with --report-only then)");
                return 0;
            }
            SummaryFile summary = summary(training, runs, others, invocation);
            summary.write(layout.summary());
            console.println("wrote " + layout.summary() + " (" + runs.size() + " of " + specs.size()
                    + " runs stored)");
            if (stop.isRequested()) {
                console.println("stopped: " + runs.size() + " of " + specs.size() + " runs are stored in " + layout.runs()
                        + (runs.size() < specs.size() ? "; the other " + (specs.size() - runs.size())
                                + ", those in progress included, will be trained by the same command" : "")
                        + "; figures and write-ups were not rewritten");
                return 130;
            }
            Map<Study, StudyReport> results = StudyOutputs.writeAll(studies, runs, layout,
                    initialization.map(InitializationReport::judgement).orElse(Judgement.NONE));
            Set<String> printed = new HashSet<>();
            results.forEach((s, r) -> printFinal(s, r, printed, console));
            for (Study s : NotebookWriter.writeAll(studies, results, initialization, layout, invocation)) {
                console.println(wrote(s, studies, experiment.reportOnly, layout));
            }
            stop.finished(); // everything is written: a Ctrl-C while the UI serves has nothing to wait for
            ui.serveUntilCtrlC();
            return 0;
        } catch (IOException | RuntimeException e) {
            if (!stop.isRequested()) {
                throw e;
            }
            return FailureMessage.stoppedBy(e);
        } finally {
            try {
                ui.close(); // before finished(): a Ctrl-C waits for the statistics file and its message
            } finally {
                stop.finished();
            }
        }
    }

    /**
     * Part 1's report as its study stored it, in this folder or else the reference one, for a command that does not
     * rerun Part 1; none where Part 1 has not been run (or its files cannot be read, which is said).
     */
    private static Optional<InitializationReport> storedInitialization(ResultsLayout layout, ResultsLayout reference,
            PrintStream console) {
        for (ResultsLayout l : List.of(layout, reference)) {
            try {
                Optional<InitializationReport> stored = InitializationReport.stored(l, Studies.PART1.folder());
                if (stored.isPresent()) {
                    return stored;
                }
            } catch (Json.JsonFileException e) {
                console.println("Part 1's results are left out: " + e.getMessage()
                        + "; run Part1Initialization to rewrite them");
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Part 1's study at initialization, which measures one batch and trains nothing, written at once; its report. */
    private static Optional<InitializationReport> writeUntrained(List<Study> studies, Data data, ResultsLayout layout,
            StopSignal stop, PrintStream console) throws IOException {
        Optional<InitializationReport> report = Optional.empty();
        for (Study s : studies) {
            if (!s.trains()) {
                ImageDataset batch = data.mnist().train().sample(Part1Initialization.BATCH, 1);
                report = Part1Report.run(new DataSet(batch.features(), batch.labels()), layout, s.folder(),
                        s.seeds().size(), stop);
                report.ifPresent(r -> console.println("wrote " + layout.study(s.folder())));
            }
        }
        return report;
    }

    /**
     * What writing {@code s}'s write-up wrote: its folder too, unless it is a study that trains nothing (Part 1 at
     * initialization), which {@code --report-only} does not rerun, and no training study shares its folder.
     */
    private static String wrote(Study s, List<Study> studies, boolean reportOnly, ResultsLayout layout) {
        Path folder = layout.study(s.folder());
        boolean written = !reportOnly || studies.stream().anyMatch(t -> t.trains() && t.folder().equals(s.folder()));
        return written ? "wrote " + folder + " and " + layout.notebook(s.writeup())
                : "wrote " + layout.notebook(s.writeup()) + "; --report-only does not rerun " + s.name() + ", so "
                        + folder + (Files.isDirectory(folder) ? " was left as it was"
                                : " does not exist (run the command without --report-only to make it)");
    }

    /** The usage error of {@code --report-only} when no stored run matches: the settings asked for, and those stored. */
    private static CommandLine.ParameterException nothingToReport(CommandLine cl, List<Study> training,
            ResultsLayout layout) {
        return new CommandLine.ParameterException(cl, "--report-only: no stored run in " + layout.runs()
                + " matches these settings (" + training.stream().map(TrainingSection::settings).distinct()
                        .collect(Collectors.joining("; ")) + "); it holds "
                + stored(layout) + "; give the options of the runs you want reported, or leave out --report-only");
    }

    /**
     * The folder's other stored TestNetwork runs ({@link Variants#KINDS}; Part 1's trained nets, at settings of their
     * own, have their files in Part 1's folder) of the same settings and seeds whose configuration is still current,
     * read once, so that one section's rerun does not drop the others' variants from the summary.
     */
    private static List<RunRecord> otherStoredRuns(ResultsLayout layout, List<Study> training) {
        List<Study> compared = training.stream().filter(s -> !s.initialization()).toList();
        TrainingSettings settings = compared.isEmpty() ? TrainingSettings.seminar("mnist") : compared.get(0).training();
        Set<Long> seeds = new TreeSet<>();
        compared.forEach(s -> seeds.addAll(s.seeds()));
        Map<Variant, String> current = new LinkedHashMap<>();
        return new RunStore(layout.runs(), System.out).readable().stream()
                .filter(r -> testNetwork(r.variant()) && r.settings().equals(settings) && seeds.contains(r.seed())
                        && (r.complete() || r.divergence().isPresent())
                        && r.configuration().equals(current.computeIfAbsent(r.variant(),
                                v -> new RunSpec(v, r.seed(), settings).configuration())))
                .toList();
    }

    /**
     * The summary of the command's TestNetwork runs {@code runs} at the settings of its first compared study (the
     * learning rates of the new evidence, say, are left out, like Part 1's nets) and the folder's {@code others}
     * ({@link #otherStoredRuns}), the command's own first where both have a run.
     */
    static SummaryFile summary(List<Study> training, List<RunRecord> runs, List<RunRecord> others,
            Invocation invocation) {
        List<Study> compared = training.stream().filter(s -> !s.initialization()).toList();
        TrainingSettings settings = compared.isEmpty() ? TrainingSettings.seminar("mnist") : compared.get(0).training();
        Set<Long> seeds = new TreeSet<>();
        compared.forEach(s -> seeds.addAll(s.seeds()));
        Map<RunSpec, RunRecord> all = new LinkedHashMap<>();
        runs.stream().filter(r -> testNetwork(r.variant()) && r.settings().equals(settings))
                .forEach(r -> all.put(r.spec(), r));
        others.forEach(r -> all.putIfAbsent(r.spec(), r));
        Set<Variant> variants = new LinkedHashSet<>();
        compared.forEach(s -> variants.addAll(s.variants()));
        all.values().stream().map(RunRecord::variant)
                .sorted(Comparator.comparingInt((Variant v) -> Variants.KINDS.indexOf(v.kind())).thenComparing(Variant::key))
                .forEach(variants::add);
        return SummaryFile.of(new ArrayList<>(variants), new ArrayList<>(all.values()), settings, List.copyOf(seeds),
                invocation.command());
    }

    /** Whether {@code v} is a TestNetwork variant, which {@code summary.json} holds. */
    private static boolean testNetwork(Variant v) {
        return Variants.KINDS.contains(v.kind());
    }

    private static String settings(Study s) {
        TrainingSettings t = s.training();
        return String.format(Locale.ROOT, "%s, %d epochs, %s training examples, seeds %s, variants %s", t.dataset(),
                t.epochs(), t.trainSubset() == 0 ? "all" : String.valueOf(t.trainSubset()), s.seeds(),
                s.variants().stream().map(Variant::key).collect(Collectors.joining(",")));
    }

    /** The distinct settings of the readable records, for saying what the store holds. */
    private static String stored(ResultsLayout layout) {
        List<RunRecord> runs = new RunStore(layout.runs(), System.out).readable();
        if (runs.isEmpty()) {
            return "no readable run record";
        }
        return runs.stream().map(r -> String.format(Locale.ROOT, "%s %d epochs %s examples", r.settings().dataset(),
                r.settings().epochs(), r.settings().trainSubset() == 0 ? "all" : String.valueOf(r.settings().trainSubset())))
                .distinct().collect(Collectors.joining("; ", runs.size() + " run(s) of: ", ""));
    }

    /** Each variant's end-point, and each verdict not yet printed by an earlier study of the command. */
    private static void printFinal(Study study, StudyReport results, Set<String> printed, PrintStream out) {
        results.comparison().variants().forEach(v -> v.endPoint().ifPresent(a -> out.printf(Locale.ROOT,
                "%s: %-24s end-point %.2f%% (test accuracy, mean of the last epochs over %d seeds)%n", study.name(),
                v.variant(), 100 * a.mean(), a.n())));
        results.judgement().claims().stream().filter(c -> printed.add(c.claim()))
                .forEach(c -> out.printf(Locale.ROOT, "%s: %s %s: %s%n", study.name(), c.section(), c.claim(),
                        c.verdictText()));
    }

    /** The dataset, read once and only when needed. */
    private static final class Data {
        private final Dataset dataset;
        private final Path dirOption;
        private final StopSignal stop;
        private final PrintStream out;
        private Mnist mnist;

        Data(Dataset dataset, Path dirOption, StopSignal stop, PrintStream out) {
            this.dataset = dataset;
            this.dirOption = dirOption;
            this.stop = stop;
            this.out = out;
        }

        synchronized Mnist mnist() throws IOException {
            if (mnist == null) {
                out.println(dataset.id() + ": " + (dirOption != null ? dirOption : dataset.defaultDir(System.getenv())));
                mnist = dataset.load(dirOption, System.getenv(), stop::isRequested);
            }
            return mnist;
        }

        TrainingData training() throws IOException {
            Mnist m = mnist();
            return new TrainingData(m.train(), m.test());
        }
    }
}
