package org.convergence4j.study;

import org.convergence4j.claims.Judgement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.data.Mnist;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.claims.InitializationClaims;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.Json;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.RunStore;
import org.convergence4j.persistence.SummaryFile;
import org.convergence4j.statistics.InitTraining;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.Evaluation;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.Trainer;
import org.convergence4j.train.TrainingSettings;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

/** Reuse, retraining and concurrency of runs, on a small slice of MNIST (1 epoch of 512 examples) or synthetic images. */
class StudyRunnerTest {

    private static final TrainingSettings TINY = new TrainingSettings("mnist", 1, 1e-3, 64, 512);
    private static final Variant BASELINE = Variants.BASELINE.defaults();
    private static final Variant DROPOUT = Variants.DROPOUT.defaults();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private static TrainingData data() {
        Mnist mnist = MnistFixture.mnist();
        return new TrainingData(mnist.train(), mnist.test().head(256));
    }

    private static List<RunSpec> specs(List<Variant> variants, long... seeds) {
        List<RunSpec> specs = new ArrayList<>();
        for (long seed : seeds) {
            variants.forEach(v -> specs.add(new RunSpec(v, seed, TINY)));
        }
        return specs;
    }

    /** The data, read only when a plan needs it. */
    @FunctionalInterface
    private interface Source {
        TrainingData load();
    }

    private List<RunRecord> run(Path results, int jobs, StopSignal stop, boolean force, boolean reportOnly,
            Source source, List<RunSpec> specs, Consumer<RunRecord> onStored) {
        log.reset();
        return run(new StudyRunner(ResultsLayout.of(results), List.of(), force, reportOnly, jobs, stop,
                new PrintStream(log, true, StandardCharsets.UTF_8), StudyRunner.RunListeners.NONE), source, specs, onStored);
    }

    /** Plans {@code specs}, reads the data if the plan needs it, and runs the plan. */
    static List<RunRecord> run(StudyRunner runner, Source source, List<RunSpec> specs, Consumer<RunRecord> onStored) {
        StudyRunner.Plan plan = runner.plan(specs, Shard.ALL);
        return runner.run(plan, plan.needsData() ? Optional.of(source.load()) : Optional.empty(), onStored).runs();
    }

    private List<RunRecord> run(Path results, List<RunSpec> specs) throws IOException {
        return run(results, 1, new StopSignal(), false, false, StudyRunnerTest::data, specs, r -> { });
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private static List<List<Double>> metrics(List<RunRecord> runs) {
        List<List<Double>> out = new ArrayList<>();
        for (RunRecord r : runs) {
            for (EpochMetrics m : r.history().epochs()) {
                out.add(List.of((double) r.seed(), m.trainLoss(), m.testLoss(), m.trainAccuracy(), m.testAccuracy()));
            }
        }
        return out;
    }

    /**
     * A trained run records its final network's inference-mode accuracy on the images it was trained on, equal to
     * a direct evaluation of the stored network; a record stored without it (before it was measured) is measured
     * once from its stored network, to the same value, and rewritten, so the next command needs no data.
     */
    @Test
    void theTrainingSetAccuracyInInferenceModeIsMeasuredOnceFromTheStoredNetwork() throws IOException {
        RunRecord trained = run(dir, specs(List.of(DROPOUT), 1)).get(0);
        RunStore store = new RunStore(ResultsLayout.of(dir).runs(), System.out);
        TrainingData data = data();
        double direct = Trainer.evaluate(store.network(trained), BatchIterator.sequential(
                data.trainSubset(TINY.trainSubset()), TINY.batchSize())).accuracy();
        assertEquals(direct, trained.trainingSetAccuracy().orElseThrow(), 0.0);

        RunRecord unmeasured = new RunRecord(trained.format(), trained.variant(), trained.seed(), trained.settings(),
                trained.engine(), trained.configuration(), trained.history(), trained.divergence(),
                trained.monteCarlo(), trained.batchDependence(), trained.layerStats(), trained.network(),
                trained.environment(), trained.fingerprint(), Optional.empty());
        store.save(unmeasured);
        RunRecord measured = run(dir, specs(List.of(DROPOUT), 1)).get(0);
        assertTrue(log().contains(": training-set accuracy in inference mode "), log());
        assertEquals(direct, measured.trainingSetAccuracy().orElseThrow(), 0.0);
        run(dir, 1, new StopSignal(), false, false, () -> {
            throw new AssertionError("measured once: no data needed");
        }, specs(List.of(DROPOUT), 1), r -> { });
    }

    @Test
    void anInterruptedStudyResumesWithoutRetrainingAndEndsAsAnUninterruptedOne() throws IOException {
        List<RunSpec> specs = specs(List.of(BASELINE, DROPOUT), 1, 2);
        List<RunRecord> uninterrupted = run(dir.resolve("a"), specs);

        StopSignal stop = new StopSignal();
        List<RunRecord> first = run(dir.resolve("b"), 1, stop, false, false, StudyRunnerTest::data, specs,
                r -> stop.request());
        assertEquals(1, first.size(), "the stop after the first stored run must leave the others undone");
        Path stored = new RunStore(ResultsLayout.of(dir.resolve("b")).runs(), System.out)
                .file(first.get(0).spec(), first.get(0).configuration());
        FileTime written = Files.getLastModifiedTime(stored);

        List<RunRecord> resumed = run(dir.resolve("b"), specs);

        assertTrue(log().contains("Baseline seed 1: reused " + stored), log());
        assertEquals(written, Files.getLastModifiedTime(stored), "the finished run must not be retrained");
        assertEquals(metrics(uninterrupted), metrics(resumed));
    }

    @Test
    void concurrentRunsGiveTheHistoriesOfSequentialRuns() throws IOException {
        List<RunSpec> specs = specs(List.of(BASELINE, DROPOUT), 1, 2);
        List<RunRecord> sequential = run(dir.resolve("seq"), specs);
        List<RunRecord> concurrent = run(dir.resolve("par"), 2, new StopSignal(), false, false, StudyRunnerTest::data,
                specs, r -> { });
        assertEquals(metrics(sequential), metrics(concurrent));
    }

    @Test
    void aChangedParameterIsRetrainedAndAnUnchangedVariantReused() throws IOException {
        run(dir, specs(List.of(BASELINE, DROPOUT), 1));
        Variant strong = DROPOUT.with("drop", 0.5);
        List<RunRecord> second = run(dir, specs(List.of(BASELINE, strong), 1));

        assertTrue(log().contains("Baseline seed 1: reused"), log());
        assertTrue(log().contains("Dropout(drop=0.5) seed 1: trained"), log());
        assertEquals(List.of(BASELINE, strong), second.stream().map(RunRecord::variant).toList());
        try (Stream<Path> files = Files.list(ResultsLayout.of(dir).runs())) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".json")).count(),
                    "both Dropout runs coexist with the Baseline run");
        }
        run(dir, specs(List.of(DROPOUT), 1));
        assertTrue(log().contains("Dropout seed 1: reused"), "the first configuration is still there: " + log());
    }

    @Test
    void theSweepReusesTheRunsItSharesWithTheSeminarsParts() throws IOException {
        assertTrue(Studies.SEEDS.containsAll(Studies.SWEEP_SEEDS), "the sweep's seeds are the main study's first");
        assertTrue(Studies.SWEEP.variants().containsAll(Studies.PART2.variants()),
                "the sweep has the seminar's own Baseline, Dropout and DropConnect");
        run(dir, Studies.PART2.withTraining(TINY).withSeeds(List.of(1L)).runs());
        Variant mild = DROPOUT.with("drop", 0.1);
        List<Variant> sweep = new ArrayList<>(Studies.PART2.variants());
        sweep.add(mild);
        List<RunRecord> runs = run(dir, Studies.SWEEP.withTraining(TINY).withSeeds(List.of(1L)).withVariants(sweep).runs());
        for (Variant v : Studies.PART2.variants()) {
            assertTrue(log().contains(v.key() + " seed 1: reused"), log());
        }
        assertTrue(log().contains(mild.key() + " seed 1: trained"), log());
        assertEquals(sweep.size(), runs.size());
    }

    @Test
    void forceRetrainsAStoredRun() throws IOException {
        run(dir, specs(List.of(BASELINE), 1));
        run(dir, 1, new StopSignal(), true, false, StudyRunnerTest::data, specs(List.of(BASELINE), 1), r -> { });
        assertTrue(log().contains("Baseline seed 1: trained"), log());
    }

    @Test
    void reportOnlyTrainsNothingAndReadsNoData() throws IOException {
        run(dir, specs(List.of(BASELINE), 1));
        Source noData = () -> {
            throw new AssertionError("report-only must not read the dataset");
        };
        List<RunRecord> reported = run(dir, 1, new StopSignal(), false, true, noData,
                specs(List.of(BASELINE, DROPOUT), 1), r -> { });
        assertEquals(List.of(BASELINE), reported.stream().map(RunRecord::variant).toList());
        assertFalse(log().contains("trained"), log());
    }

    @Test
    void aCorruptRecordIsMovedAsideAndRetrained() throws IOException {
        RunRecord r = run(dir, specs(List.of(BASELINE), 1)).get(0);
        Path file = new RunStore(ResultsLayout.of(dir).runs(), System.out).file(r.spec(), r.configuration());
        Files.writeString(file, "{\"format\": 2, \"variant\": \"Baseline\"");

        List<RunRecord> again = run(dir, specs(List.of(BASELINE), 1));

        assertTrue(log().contains("moved it to " + file + ".corrupt"), log());
        assertTrue(log().contains("Baseline seed 1: trained"), log());
        assertEquals(metrics(List.of(r)), metrics(again));
    }

    /**
     * One store over many folders: a command writing to its own folder reuses the runs of identical identity stored
     * in another (the committed results), trains only what is missing, and writes only to its own.
     */
    @Test
    void anotherFolderReusesTheSharedRunsAndTrainsOnlyWhatIsMissing() throws IOException {
        Path reference = dir.resolve("reference");
        run(reference, specs(List.of(BASELINE), 1));
        List<Path> committed;
        try (Stream<Path> files = Files.list(ResultsLayout.of(reference).runs())) {
            committed = files.sorted().toList();
        }

        log.reset();
        List<RunRecord> runs = run(new StudyRunner(ResultsLayout.of(dir.resolve("custom")),
                List.of(ResultsLayout.of(reference).runs()), false, false, 1, new StopSignal(),
                new PrintStream(log, true, StandardCharsets.UTF_8), StudyRunner.RunListeners.NONE),
                StudyRunnerTest::data, specs(List.of(BASELINE), 1, 2), r -> { });

        assertEquals(2, runs.size());
        assertTrue(log().contains("Baseline seed 1: reused " + ResultsLayout.of(reference).runs()), log());
        assertTrue(log().contains("Baseline seed 2: trained, stored " + ResultsLayout.of(dir.resolve("custom")).runs()),
                log());
        try (Stream<Path> files = Files.list(ResultsLayout.of(reference).runs())) {
            assertEquals(committed, files.sorted().toList(), "the shared folder is only read");
        }
    }

    /** The stored network is the trained one: loaded, it gives the stored final test figures exactly. */
    @Test
    void theTrainedNetworkIsStoredAndReproducesTheFinalTestFigures() throws IOException {
        List<RunRecord> runs = run(dir, specs(List.of(BASELINE, Variants.LAYERNORM.defaults()), 1));
        RunStore store = new RunStore(ResultsLayout.of(dir).runs(), System.out);
        for (RunRecord r : runs) {
            MultiLayerNetwork net = store.network(r);
            Evaluation e = Trainer.evaluate(net, BatchIterator.sequential(data().test(), TINY.batchSize()));
            EpochMetrics last = r.history().last();
            assertEquals(last.testAccuracy(), e.accuracy(), 0.0, r.variant().key());
            assertEquals(last.testLoss(), e.loss(), 0.0, r.variant().key());
        }
    }

    /**
     * Synthetic images: {@code n} examples of 784 standard-normal pixels, seeded, labelled by the largest of their
     * first ten pixels (a rule an MLP can learn).
     */
    private static ImageDataset synthetic(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 10);
        INDArray classes = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 10)).argMax(1);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, classes.getInt(i), 1);
        }
        return new ImageDataset(x, y);
    }

    /**
     * One of Part 1's nets end to end, on synthetic data: with Adam and with plain SGD it trains, is stored under a
     * configuration of its own, is reused, its stored network (with the optimizer it was trained by) reproduces the
     * final test figures, and the study's outputs are written from the records.
     */
    @Test
    void aPartOneNetTrainsThroughTheStoreWithEitherOptimizer() throws IOException {
        Variant adam = Variants.initialization(InitConfiguration.D).defaults();
        Variant sgd = adam.with("sgd", 0.1);
        TrainingSettings settings = new TrainingSettings("mnist", 2, 1e-3, 64, 0);
        Study study = new Study("tiny", "part1-initialization", "Part1-initialization", List.of(adam, sgd),
                List.of(1L, 2L), settings, Set.of(Study.Output.INIT_TRAINING),
                InitializationClaims.of(List.of(adam, sgd), settings));
        TrainingData data = new TrainingData(synthetic(512, 1), synthetic(128, 2));

        List<RunRecord> runs = run(dir, 1, new StopSignal(), false, false, () -> data, study.runs(), r -> { });

        assertEquals(study.runs(), runs.stream().map(RunRecord::spec).toList());
        assertTrue(runs.stream().allMatch(RunRecord::complete), log());
        assertTrue(log().contains("InitD(sgd=0.1) seed 2: trained"), log());
        assertEquals(2, runs.stream().map(RunRecord::configuration).distinct().count(), "one per optimizer");
        run(dir, 1, new StopSignal(), false, false, () -> {
            throw new AssertionError("every run is stored: no data needed");
        }, study.runs(), r -> { });
        assertEquals(study.runs().size(), log().lines().filter(l -> l.contains(": reused ")).count(), log());

        RunStore store = new RunStore(ResultsLayout.of(dir).runs(), System.out);
        for (RunRecord r : runs) {
            MultiLayerNetwork net = store.network(r);
            Object updater = ((BaseLayer) net.getLayer(0).conf().getLayer()).getIUpdater();
            assertEquals(r.variant().equals(adam) ? new Adam(1e-3) : new Sgd(0.1), updater, r.spec().label());
            Evaluation e = Trainer.evaluate(net, BatchIterator.sequential(data.test(), settings.batchSize()));
            assertEquals(r.history().last().testAccuracy(), e.accuracy(), 0.0, r.spec().label());
            assertEquals(r.history().last().testLoss(), e.loss(), 0.0, r.spec().label());
        }

        ResultsLayout layout = ResultsLayout.of(dir);
        StudyOutputs.writeAll(List.of(study), runs, layout, Judgement.NONE);
        InitTraining training = Json.read(layout.initTrainingJson(study.folder()), InitTraining.class);
        assertEquals(List.of(adam.key(), sgd.key()), training.nets().stream().map(InitTraining.Net::variant).toList());
        assertTrue(training.nets().stream().allMatch(n -> n.finishedSeeds().equals(study.seeds())
                && n.meanTrainLoss().size() == settings.epochs()));
        assertTrue(Files.exists(layout.initTrainingFigure(study.folder())));
        assertTrue(Json.read(layout.initTrainingVerdicts(study.folder()), Judgement.class).readings().stream()
                .allMatch(f -> f.value().isEmpty()), "d alone: no contrast has both its nets");
    }

    @Test
    void aNetworkThatIsNotTheOneItsRecordNamesIsRefused() throws IOException {
        RunRecord r = run(dir, specs(List.of(BASELINE), 1)).get(0);
        RunStore store = new RunStore(ResultsLayout.of(dir).runs(), System.out);
        Files.write(store.networkFile(r.spec(), r.configuration()), new byte[] {1, 2, 3});
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> store.network(r));
        assertTrue(e.getMessage().contains(store.networkFile(r.spec(), r.configuration()).toString())
                && e.getMessage().contains("--force"), e.getMessage());
    }
}
