package org.convergence4j.study;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.convergence4j.backend.NativeBuild;
import org.convergence4j.backend.NativeThreads;
import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.models.VariantKind.Analysis;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.AtomicFiles;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.RunClaim;
import org.convergence4j.persistence.RunStore;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.LayerStdListener;
import org.convergence4j.probe.TrainingSample;
import org.convergence4j.train.ConsoleProgress;
import org.convergence4j.train.DivergenceException;
import org.convergence4j.train.MonteCarloInference;
import org.convergence4j.train.RunIdentity;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.Trainer;
import org.convergence4j.train.TrainingHistory;
import org.convergence4j.train.TrainingSetAccuracy;
import org.convergence4j.train.TrainingProgress;
import org.convergence4j.train.VariantRun;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * Trains or reuses a list of runs. A stored run is reused when its identity and seed are equal ({@link RunIdentity}:
 * its whole configuration, and what its custom layers compute), unless forced; the others are trained on {@code jobs} threads, each run
 * single-threaded and seeded by its own seed only, so concurrent and sequential execution give identical
 * histories. A finished run is stored at once; a run cut short by a stop request is not stored (it is redone next
 * time), so a killed session loses at most the runs in progress. A finished run's trained network is stored beside
 * its record ({@link RunStore#network}). A diverging run is stored with its message (and no network) and the others
 * continue. The console says per run whether it was reused or trained.
 */
public final class StudyRunner {

    /** Iterations between two samples of per-layer statistics. */
    static final int LAYER_STATS_EVERY = 50;
    /** Test examples compared in the batch-dependence analysis. */
    static final int BATCH_DEPENDENCE_EXAMPLES = 512;

    private final ResultsLayout layout;
    private final RunStore store;
    private final boolean force;
    private final boolean reportOnly;
    private final int jobs;
    private final StopSignal stop;
    private final PrintStream out;
    private final RunListeners listeners;

    /** Listeners to attach to one run's network while it trains, e.g. DL4J's training UI. */
    @FunctionalInterface
    public interface RunListeners {
        /** None. */
        RunListeners NONE = spec -> List.of();

        /** The listeners for the run of {@code spec}; they must not change what it computes. */
        List<TrainingListener> forRun(RunSpec spec);
    }

    /**
     * @param layout the results folder; its {@code runs/} holds the records
     * @param sharedRuns other folders of stored runs to reuse from (only read), e.g. the committed
     *     {@code results/runs} for a command writing elsewhere
     * @param force retrain runs even when matching ones are stored
     * @param reportOnly train nothing; only stored runs are returned
     * @param jobs runs trained at the same time, each on its own thread
     * @param listeners attached to every run trained ({@link RunListeners#NONE} for none)
     */
    public StudyRunner(ResultsLayout layout, List<Path> sharedRuns, boolean force, boolean reportOnly, int jobs,
            StopSignal stop, PrintStream out, RunListeners listeners) {
        this.layout = layout;
        this.store = new RunStore(layout.runs(), out).readingAlso(sharedRuns);
        this.force = force;
        this.reportOnly = reportOnly;
        this.jobs = jobs;
        this.stop = stop;
        this.out = out;
        this.listeners = listeners;
    }

    /**
     * What a call of {@link #run} ended with.
     *
     * @param runs the stored runs, in the order of the specs; runs not trained (report-only, stopped, trained by
     *     another process and not finished yet) are absent
     * @param elsewhere the runs that other live processes are training now, as {@link RunSpec#label()}
     */
    public record Outcome(List<RunRecord> runs, List<String> elsewhere) {
    }

    /**
     * What the runs of a command need, before any data is read: the stored runs to reuse and the runs this process
     * is to train.
     *
     * @param identities every distinct spec with its identity, in order
     * @param reused the stored runs found, by spec
     * @param toTrain the runs of this process's shard to train (none when reporting only)
     * @param toMeasure the reused runs whose stored network has not yet been evaluated on its training set in
     *     inference mode ({@link RunRecord#trainingSetAccuracy()}; none when reporting only)
     */
    public record Plan(Map<RunSpec, RunIdentity> identities, Map<RunSpec, RunRecord> reused, List<RunSpec> toTrain,
            List<RunSpec> toMeasure) {

        /** Whether some run has to be trained or measured, and so the data read. */
        public boolean needsData() {
            return !toTrain.isEmpty() || !toMeasure.isEmpty();
        }
    }

    /**
     * Finds every stored run of {@code specs} (duplicates once) and lists the others of {@code shard} to train; says
     * per run whether it is reused, and removes the temporary files of writers that were killed.
     *
     * @param shard the part of the list this process trains
     */
    public Plan plan(List<RunSpec> specs, Shard shard) {
        for (Path p : AtomicFiles.removeStaleTemporaries(layout.root())) {
            out.println("removed " + p + ", left by a writer that was killed");
        }
        Map<RunSpec, RunIdentity> identities = identities(specs);
        Map<RunSpec, RunRecord> reused = new LinkedHashMap<>();
        List<RunSpec> toTrain = new ArrayList<>();
        List<RunSpec> toMeasure = new ArrayList<>();
        int position = 0;
        for (Map.Entry<RunSpec, RunIdentity> e : identities.entrySet()) {
            Optional<RunRecord> stored = force ? Optional.empty() : store.find(e.getKey(), e.getValue());
            if (stored.isPresent()) {
                reused.put(e.getKey(), stored.get());
                if (!reportOnly && measurable(stored.get())
                        && Files.isRegularFile(store.networkFile(e.getKey(), e.getValue().configuration()))) {
                    toMeasure.add(e.getKey());
                }
                out.println(e.getKey().label() + ": reused " + store.storedFile(e.getKey(), e.getValue().configuration()));
            } else if (shard.contains(position) && !reportOnly) {
                toTrain.add(e.getKey());
            }
            position++;
        }
        if (!toTrain.isEmpty()) {
            out.printf(Locale.ROOT, "%s%d run(s) reused, %d to train, %d at a time: %s%n",
                    shard.equals(Shard.ALL) ? "" : "shard " + shard + ": ", reused.size(), toTrain.size(),
                    Math.min(jobs, toTrain.size()),
                    TrainingEstimate.of(toTrain, store.readable(), jobs, NativeBuild.cpuModel()));
        }
        if (!toMeasure.isEmpty()) {
            out.println(toMeasure.size() + " stored network(s) to evaluate on their training set in inference mode, "
                    + "once (a few seconds each)");
        }
        return new Plan(identities, reused, toTrain, toMeasure);
    }

    /**
     * Trains the runs of {@code plan}, each only after claiming it ({@link RunClaim}), so that processes sharing the
     * folder never train a run twice; at the end the runs other processes stored meanwhile are read too.
     *
     * @param data the images, read by the caller when {@link Plan#needsData()}
     * @param onStored called with every newly stored run, once it is stored (e.g. to rewrite the summary)
     * @throws IllegalArgumentException if the plan needs data and none is given
     */
    public Outcome run(Plan plan, Optional<TrainingData> data, Consumer<RunRecord> onStored) {
        Map<RunSpec, RunRecord> done = Collections.synchronizedMap(new LinkedHashMap<>(plan.reused()));
        if (plan.needsData()) {
            TrainingData images = data.orElseThrow(() -> new IllegalArgumentException("the plan trains "
                    + plan.toTrain().size() + " run(s), measures " + plan.toMeasure().size() + " and needs the data"));
            plan.toMeasure().forEach(spec -> done.put(spec, measured(done.get(spec), images)));
        }
        if (!plan.toTrain().isEmpty()) {
            TrainingData images = data.orElseThrow();
            StudyClock clock = new StudyClock(plan.toTrain().stream().map(s -> s.settings().epochs()).toList(),
                    Math.min(jobs, plan.toTrain().size()));
            train(plan.toTrain(), plan.identities(), images, done, onStored, clock);
        }
        List<RunRecord> ordered = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Map.Entry<RunSpec, RunIdentity> e : plan.identities().entrySet()) {
            RunRecord r = done.get(e.getKey());
            if (r == null && !force) {
                r = store.find(e.getKey(), e.getValue()).orElse(null);
            }
            if (r != null) {
                ordered.add(r);
            } else {
                store.trainedElsewhere(e.getKey(), e.getValue().configuration())
                        .ifPresent(h -> elsewhere.add(e.getKey().label()));
            }
        }
        return new Outcome(ordered, elsewhere);
    }

    /**
     * Whether a stored run lacks the inference-mode accuracy of its network on its training set and can have it
     * measured: a TestNetwork run (its readings use it; Part 1's nets, whose networks are not committed, have none)
     * with a stored network.
     */
    private static boolean measurable(RunRecord run) {
        return run.trainingSetAccuracy().isEmpty() && run.network().isPresent()
                && Variants.KINDS.contains(run.variant().kind());
    }

    /**
     * {@code run} with its stored network's accuracy on the training set it was trained on, in inference mode; the
     * record is rewritten where it is this store's own (a shared read-only folder's record is measured anew by each
     * command that reuses it). A network that cannot be read leaves the record as it was, with a line saying why.
     */
    private RunRecord measured(RunRecord run, TrainingData data) {
        if (stop.isRequested()) {
            return run;
        }
        try {
            MultiLayerNetwork net = store.network(run);
            RunRecord r = run.withTrainingSetAccuracy(TrainingSetAccuracy.of(net,
                    data.trainSubset(run.settings().trainSubset()), run.settings().batchSize()));
            Path own = store.file(run.spec(), run.configuration());
            if (own.equals(store.storedFile(run.spec(), run.configuration()))) {
                store.save(r);
            }
            out.printf(Locale.ROOT, "%s: training-set accuracy in inference mode %.2f%%%n", run.spec().label(),
                    100 * r.trainingSetAccuracy().orElseThrow());
            return r;
        } catch (IOException e) {
            out.println(run.spec().label() + ": training-set accuracy not measured: " + e.getMessage());
            return run;
        }
    }

    private void train(List<RunSpec> toTrain, Map<RunSpec, RunIdentity> identities, TrainingData data,
            Map<RunSpec, RunRecord> done, Consumer<RunRecord> onStored, StudyClock clock) {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            // OpenMP's thread count is a per-thread setting: each run thread makes its own native calls single-threaded.
            Thread t = new Thread(() -> {
                NativeThreads.useOne();
                r.run();
            }, "convergence4j-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunSpec spec : toTrain) {
                futures.add(pool.submit(() -> {
                    if (!stop.isRequested()) {
                        claimAndTrain(spec, identities.get(spec), data, done, onStored,
                                firstSeedOf(spec, identities.keySet()), clock);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.request();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(e.getCause().getMessage(), e.getCause()));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Trains {@code spec}'s run if this process can claim it and no other process stored it meanwhile, and stores
     * it with its network; the claim is released once the record is stored (or the run is left undone).
     */
    private void claimAndTrain(RunSpec spec, RunIdentity identity, TrainingData data, Map<RunSpec, RunRecord> done,
            Consumer<RunRecord> onStored, boolean firstSeed, StudyClock clock) {
        RunClaim.Attempt attempt = store.claim(spec, identity.configuration());
        if (attempt instanceof RunClaim.Held held) {
            out.println(spec.label() + ": being trained by " + held.holder() + "; left to it");
            clock.runEnded(spec.settings().epochs(), 0);
            return;
        }
        RunClaim.Claimed claimed = (RunClaim.Claimed) attempt;
        try (RunClaim claim = claimed.claim()) {
            claimed.tookOver().ifPresent(h -> out.println(spec.label() + ": took over " + h));
            Optional<RunRecord> meanwhile = force ? Optional.empty() : store.find(spec, identity);
            if (meanwhile.isPresent()) {
                out.println(spec.label() + ": reused, stored meanwhile by another process");
                done.put(spec, meanwhile.get());
                clock.runEnded(spec.settings().epochs(), 0);
                return;
            }
            Optional<Trained> trained = train(spec, identity, data, firstSeed, clock);
            int epochs = spec.settings().epochs();
            clock.runEnded(epochs, trained.map(t -> t.record().history().epochs().size()).orElse(epochs));
            trained.ifPresent(t -> {
                RunRecord r = t.network().map(net -> store.save(t.record(), net)).orElseGet(() -> {
                    store.save(t.record());
                    return t.record();
                });
                out.println(spec.label() + ": trained, stored " + store.file(spec, r.configuration()));
                done.put(spec, r);
                onStored.accept(r);
            });
        }
    }

    /**
     * The identity of every distinct spec, in order; computed once per variant and settings, since the seed is no
     * part of it.
     */
    private static Map<RunSpec, RunIdentity> identities(List<RunSpec> specs) {
        Map<RunSpec, RunIdentity> bySeedless = new LinkedHashMap<>();
        Map<RunSpec, RunIdentity> identities = new LinkedHashMap<>();
        for (RunSpec s : specs) {
            identities.computeIfAbsent(s, spec -> bySeedless.computeIfAbsent(new RunSpec(spec.variant(), 0,
                    spec.settings()), RunSpec::identity));
        }
        return identities;
    }

    /** Per-layer statistics are recorded on the lowest seed asked of each variant. */
    private static boolean firstSeedOf(RunSpec spec, Iterable<RunSpec> all) {
        long lowest = Long.MAX_VALUE;
        for (RunSpec s : all) {
            if (s.variant().equals(spec.variant())) {
                lowest = Math.min(lowest, s.seed());
            }
        }
        return spec.seed() == lowest;
    }

    /** A run's record and, unless it diverged, its trained network. */
    private record Trained(RunRecord record, Optional<MultiLayerNetwork> network) {
    }

    private Optional<Trained> train(RunSpec spec, RunIdentity identity, TrainingData data, boolean firstSeed,
            StudyClock clock) {
        String label = spec.label();
        // A bar redraws one line: only for a single run at a time on a terminal, not in logs or files.
        TrainingProgress progress = jobs == 1 && System.console() != null ? new ConsoleProgress(label, out)
                : clock.lines(label, spec.settings().epochs(), out);
        boolean recordLayers = firstSeed && spec.variant().kind().analyses().contains(Analysis.LAYER_STATS);
        LayerStdListener layerStats = new LayerStdListener(LAYER_STATS_EVERY);
        List<TrainingListener> attached = new ArrayList<>(this.listeners.forRun(spec));
        if (recordLayers) {
            attached.add(layerStats);
        }
        ImageDataset train = data.trainSubset(spec.settings().trainSubset());
        VariantRun.Result result;
        try {
            result = VariantRun.run(spec, train, data.test(), new Trainer(progress, stop),
                    attached.toArray(TrainingListener[]::new));
        } catch (DivergenceException e) {
            String message = label + " diverged: " + e.getMessage();
            out.println(message + "; the other runs continue");
            return Optional.of(new Trained(RunRecord.of(spec, identity, new TrainingHistory(e.completed(), false),
                    Optional.of(message), Optional.empty(), Optional.empty(), List.of()), Optional.empty()));
        }
        if (result.history().stoppedEarly()) {
            out.println(label + ": stopped; not stored, it will be trained again next time");
            return Optional.empty();
        }
        int batch = spec.settings().batchSize();
        Optional<MonteCarloInference.Accuracy> monteCarlo = Optional.empty();
        if (spec.variant().kind().analyses().contains(Analysis.MONTE_CARLO_INFERENCE)) {
            monteCarlo = Optional.of(new MonteCarloInference.Accuracy(MonteCarloInference.SAMPLES,
                    MonteCarloInference.accuracy(result.network(), BatchIterator.sequential(data.test(), batch),
                            MonteCarloInference.SAMPLES)));
        }
        Optional<BatchDependence> dependence = Optional.empty();
        if (spec.variant().kind().analyses().contains(Analysis.BATCH_DEPENDENCE)) {
            dependence = Optional.of(BatchDependence.measure(result.network(),
                    data.test().head(Math.min(BATCH_DEPENDENCE_EXAMPLES, data.test().size())).features(), batch));
        }
        List<TrainingSample> samples = recordLayers ? layerStats.samples() : List.of();
        return Optional.of(new Trained(RunRecord.of(spec, identity, result.history(), Optional.empty(), monteCarlo,
                dependence, samples).withTrainingSetAccuracy(TrainingSetAccuracy.of(result.network(), train, batch)),
                Optional.of(result.network())));
    }
}
