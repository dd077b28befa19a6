package org.convergence4j.sections;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.models.Head;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.LayerStdListener;
import org.convergence4j.probe.TrainingSample;
import org.convergence4j.report.RunStore;
import org.convergence4j.train.ConsoleProgress;
import org.convergence4j.train.DivergenceException;
import org.convergence4j.train.EpochLines;
import org.convergence4j.train.ExperimentSettings;
import org.convergence4j.train.HeadRun;
import org.convergence4j.train.MonteCarloInference;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.Trainer;
import org.convergence4j.train.TrainingHistory;
import org.convergence4j.train.TrainingProgress;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * Runs every (variant, seed) of a list of heads, reusing runs already stored with the same
 * settings (unless forced), on {@code jobs} threads, each run single-threaded and seeded by its own
 * seed only, so concurrent and sequential execution give identical histories. A finished run is
 * stored at once; a run interrupted by a stop request is not stored (it is redone next time), so a
 * killed session loses at most the runs in progress. A diverging run is stored with its message
 * and the others continue.
 */
final class VariantRuns {

    /** Iterations between two samples of per-layer statistics. */
    static final int LAYER_STATS_EVERY = 50;
    /** Test examples compared in the batch-dependence analysis. */
    static final int BATCH_DEPENDENCE_EXAMPLES = 512;

    private final ImageDataset train;
    private final ImageDataset test;
    private final ExperimentSettings settings;
    private final Path results;
    private final boolean force;
    private final boolean reportOnly;
    private final int jobs;
    private final StopSignal stop;
    private final PrintStream out;
    private final Consumer<RunRecord> onStored;

    /**
     * @param results the results root; each head's runs go to its part's folder below it
     * @param force recompute runs even when stored ones match
     * @param reportOnly train nothing; only stored runs are returned
     * @param jobs runs trained at the same time, each on its own thread
     * @param onStored called after each newly trained run is stored
     */
    VariantRuns(ImageDataset train, ImageDataset test, ExperimentSettings settings, Path results, boolean force,
            boolean reportOnly, int jobs, StopSignal stop, PrintStream out, Consumer<RunRecord> onStored) {
        this.train = train;
        this.test = test;
        this.settings = settings;
        this.results = results;
        this.force = force;
        this.reportOnly = reportOnly;
        this.jobs = jobs;
        this.stop = stop;
        this.out = out;
        this.onStored = onStored;
    }

    /** The results folder of seminar part 2 or 3. */
    static Path partFolder(Path results, int part) {
        return results.resolve(part == 2 ? "part2-dropout" : "part3-normalization");
    }

    /**
     * Runs or reuses every (head, seed); returns the finished runs in seed-then-head order (runs cut
     * short by a stop request are left out).
     */
    List<RunRecord> run(List<Head> heads, List<Long> seeds) {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "convergence4j-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<RunRecord>>> futures = new ArrayList<>();
            // Seed-major order: a run stopped part-way still has every variant at the first seeds.
            for (long seed : seeds) {
                for (Head head : heads) {
                    futures.add(pool.submit(() -> runOrReuse(head, seed, seed == seeds.get(0))));
                }
            }
            List<RunRecord> done = new ArrayList<>();
            for (Future<Optional<RunRecord>> f : futures) {
                f.get().ifPresent(done::add);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.request();
            return List.of();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<RunRecord> runOrReuse(Head head, long seed, boolean firstSeed) throws IOException {
        RunStore store = new RunStore(partFolder(results, head.part()));
        String label = head.name() + " seed " + seed;
        if (!force) {
            Optional<RunRecord> stored = store.find(head.name(), seed, settings);
            if (stored.isPresent()) {
                out.println(label + ": reusing the stored run");
                return stored;
            }
        }
        if (stop.isRequested() || reportOnly) {
            return Optional.empty();
        }
        Optional<RunRecord> run = train(head, seed, firstSeed, label);
        run.ifPresent(r -> {
            store.save(r);
            onStored.accept(r);
        });
        return run;
    }

    private Optional<RunRecord> train(Head head, long seed, boolean firstSeed, String label) {
        TrainingProgress progress = jobs == 1 ? new ConsoleProgress(label, out) : new EpochLines(label, out);
        LayerStdListener layerStats = new LayerStdListener(LAYER_STATS_EVERY);
        List<TrainingListener> listeners = firstSeed && head.analyses().contains(Head.Analysis.LAYER_STATS)
                ? List.of(layerStats) : List.of();
        HeadRun.Result result;
        try {
            result = HeadRun.run(head, TestNetwork.PYTORCH_DEFAULT, train, test, settings.forSeed(seed),
                    new Trainer(progress, stop), listeners.toArray(TrainingListener[]::new));
        } catch (DivergenceException e) {
            String message = head.name() + " seed " + seed + " diverged: " + e.getMessage();
            out.println(message + "; the other runs continue");
            return Optional.of(new RunRecord(head.name(), seed, settings, new TrainingHistory(e.completed(), false),
                    Optional.of(message), Optional.empty(), Optional.empty(), List.of()));
        }
        if (result.history().stoppedEarly()) {
            out.println(label + ": stopped; not stored, it will be rerun");
            return Optional.empty();
        }
        Optional<Double> monteCarlo = Optional.empty();
        if (head.analyses().contains(Head.Analysis.MONTE_CARLO_INFERENCE)) {
            monteCarlo = Optional.of(MonteCarloInference.accuracy(result.network(),
                    BatchIterator.sequential(test, settings.batchSize()), RunRecord.MONTE_CARLO_SAMPLES));
        }
        Optional<BatchDependence> dependence = Optional.empty();
        if (head.analyses().contains(Head.Analysis.BATCH_DEPENDENCE)) {
            dependence = Optional.of(BatchDependence.measure(result.network(),
                    test.head(Math.min(BATCH_DEPENDENCE_EXAMPLES, test.size())).features(), settings.batchSize()));
        }
        List<TrainingSample> samples = listeners.isEmpty() ? List.of() : layerStats.samples();
        return Optional.of(new RunRecord(head.name(), seed, settings, result.history(), Optional.empty(), monteCarlo,
                dependence, samples));
    }
}
