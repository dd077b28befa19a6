package org.convergence4j.sections;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convergence4j.data.Dataset;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.data.Mnist;
import org.convergence4j.models.Head;
import org.convergence4j.models.Heads;
import org.convergence4j.plot.TrainingCurves;
import org.convergence4j.report.HistoryCsv;
import org.convergence4j.report.MeanHistory;
import org.convergence4j.report.RunStore;
import org.convergence4j.report.SummaryJson;
import org.convergence4j.train.ExperimentSettings;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.TrainingHistory;

/**
 * The shared work of the training sections: load the dataset, train or reuse the runs of a list
 * of variants, and write each variant's mean curves and the results summary.
 */
final class Experiment {

    private final Mnist data;
    private final ExperimentSettings settings;
    private final List<Long> seeds;
    private final boolean quick;
    private final Path root;
    private final VariantRuns runs;
    private final PrintStream out;

    private Experiment(Mnist data, ImageDataset train, ExperimentSettings settings, ExperimentOptions options, Path root,
            StopSignal stop, PrintStream out) {
        this.data = data;
        this.settings = settings;
        this.seeds = options.seedList();
        this.quick = options.quick;
        this.root = root;
        this.out = out;
        this.runs = new VariantRuns(train, data.test(), settings, root, options.force, options.reportOnly, options.jobs,
                stop, out, this::refresh);
    }

    /** Loads the data and prepares the runs described by the options. */
    static Experiment prepare(CommonOptions common, ExperimentOptions options, StopSignal stop, PrintStream out)
            throws IOException {
        Dataset dataset = Dataset.of(options.dataset);
        out.println(dataset.id() + ": " + (common.dataDir != null ? common.dataDir : dataset.defaultDir(System.getenv())));
        Mnist data = dataset.load(common.dataDir, System.getenv());
        ImageDataset train = options.quick ? data.train().head(ExperimentOptions.QUICK_EXAMPLES) : data.train();
        ExperimentSettings settings = ExperimentSettings.seminar(dataset.id(), options.effectiveEpochs(), train.size());
        return new Experiment(data, train, settings, options, resultsRoot(common, dataset), stop, out);
    }

    /** {@code --out}, with a subfolder for Fashion-MNIST. */
    static Path resultsRoot(CommonOptions common, Dataset dataset) {
        return dataset == Dataset.MNIST ? common.out : common.out.resolve(dataset.id());
    }

    /** The whole dataset (a {@code --quick} run trains on a subset of its training set). */
    Mnist data() {
        return data;
    }

    /** The settings every run shares. */
    ExperimentSettings settings() {
        return settings;
    }

    /**
     * Where the write-ups go: {@code notebooks-equivalent/} beside the default results folder,
     * otherwise {@code notebooks-equivalent/} inside the results root, so a quick or custom run
     * never overwrites the committed write-ups.
     */
    Path notebooks() {
        return root.equals(CommonOptions.DEFAULT_OUT) ? Path.of("notebooks-equivalent") : root.resolve("notebooks-equivalent");
    }

    /** The results root of this experiment. */
    Path root() {
        return root;
    }

    /**
     * Trains or reuses every seed of {@code heads}; after each newly stored run, that variant's mean
     * curves and {@code summary.json} are rewritten, so the results are current whenever the run is
     * stopped. Returns the runs of {@code heads}.
     */
    List<RunRecord> run(List<Head> heads) throws IOException {
        List<RunRecord> done = runs.run(heads, seeds);
        for (Head head : heads) {
            writeMeanCurves(head, done);
        }
        writeSummary(stored());
        return done;
    }

    /** Rewrites the outputs that a newly stored run changes; runs may finish on several threads. */
    private synchronized void refresh(RunRecord run) {
        try {
            List<RunRecord> all = stored();
            writeMeanCurves(Heads.byName(run.variant()), all);
            writeSummary(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every stored run of every variant with these settings and seeds. */
    private List<RunRecord> stored() throws IOException {
        List<RunRecord> all = new ArrayList<>();
        for (Head head : Heads.all()) {
            RunStore store = new RunStore(VariantRuns.partFolder(root, head.part()));
            for (long seed : seeds) {
                store.find(head.name(), seed, settings).ifPresent(all::add);
            }
        }
        return all;
    }

    private void writeSummary(List<RunRecord> all) {
        SummaryJson.write(root.resolve("summary.json"), settings, quick, seeds, Heads.all(), all);
        out.println("wrote " + root.resolve("summary.json") + " (" + all.size() + " of "
                + Heads.all().size() * seeds.size() + " runs)");
    }

    private void writeMeanCurves(Head head, List<RunRecord> runs) {
        List<TrainingHistory> complete = runs.stream().filter(r -> r.variant().equals(head.name()))
                .filter(RunRecord::complete).map(RunRecord::history).toList();
        if (complete.isEmpty() || settings.epochs() == 0) {
            return;
        }
        Path folder = VariantRuns.partFolder(root, head.part());
        TrainingHistory mean = new TrainingHistory(MeanHistory.of(complete), false);
        HistoryCsv.write(folder.resolve(head.fileStem() + ".csv"), mean);
        TrainingCurves.save(folder.resolve(head.fileStem() + ".png"),
                head.name() + " (mean of " + complete.size() + (complete.size() == 1 ? " seed)" : " seeds)"),
                mean.epochs());
    }

    /** Prints final test accuracy per variant, over the runs given. */
    void printFinal(List<Head> heads, List<RunRecord> done) {
        for (Head head : heads) {
            Optional<double[]> acc = Optional.of(done.stream().filter(r -> r.variant().equals(head.name()))
                    .filter(RunRecord::complete).mapToDouble(r -> r.history().last().testAccuracy()).toArray())
                    .filter(a -> a.length > 0);
            acc.ifPresent(a -> out.printf(Locale.ROOT, "%-12s final test accuracy %.2f%% (mean of %d)%n",
                    head.name(), 100 * Arrays.stream(a).average().orElseThrow(), a.length));
        }
    }
}
