package org.convergence4j.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.models.MlpNet;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.TrainingSample;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;

/**
 * Run records with made-up numbers, for tests of what is computed from records: {@value #EPOCHS} configured
 * epochs, seeds 1–3, and
 * <ul>
 *   <li>Baseline, Dropout, BatchNorm, LayerNorm: 3 finished seeds each (LayerNorm's seed 3 never reaches 98%;
 *       BatchNorm is clearly better than Baseline, LayerNorm is close to BatchNorm);</li>
 *   <li>DropConnect: seeds 1 and 2 finished, seed 3 diverged after 2 epochs; Monte-Carlo inference on 1 and 2;</li>
 *   <li>RMSNorm: no run;</li>
 *   <li>batch dependence on BatchNorm and LayerNorm, layer statistics on Baseline, BatchNorm and LayerNorm.</li>
 * </ul>
 * Accuracies climb towards their final value: {@code acc(e) = final − gap·(EPOCHS − e)/e}; seconds are
 * {@code 61.5 + r + e} for run r (0-based) and epoch e.
 */
public final class FakeRuns {

    /** Configured epochs. */
    public static final int EPOCHS = 4;
    /** The settings of every fake run. */
    public static final TrainingSettings SETTINGS = new TrainingSettings("mnist", EPOCHS, 1e-3, 128, 0);
    /** The seeds of every fake variant. */
    public static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    private FakeRuns() {
    }

    /** {@code runs} as if trained with {@code settings}. */
    public static List<RunRecord> atSettings(List<RunRecord> runs, TrainingSettings settings) {
        return runs.stream().map(d -> new RunRecord(d.format(), d.variant(), d.seed(), settings, d.engine(),
                d.configuration(), d.history(), d.divergence(), d.monteCarlo(), d.batchDependence(), d.layerStats(),
                d.network(), d.environment(), d.fingerprint(), d.trainingSetAccuracy())).toList();
    }

    /** The runs described in the class comment. */
    public static List<RunRecord> standard() {
        List<RunRecord> runs = new ArrayList<>();
        runs.addAll(withLayerStats(variant(Variants.BASELINE.defaults(), new double[] {0.98713, 0.98547, 0.98836}, 0.031,
                EPOCHS, EPOCHS, EPOCHS), 1.37, 0.6));
        runs.addAll(variant(Variants.DROPOUT.defaults(), new double[] {0.98921, 0.98684, 0.98795}, 0.042,
                EPOCHS, EPOCHS, EPOCHS));
        List<RunRecord> dropConnect = variant(Variants.DROPCONNECT.defaults(), new double[] {0.98311, 0.98158, 0.97466},
                0.027, EPOCHS, EPOCHS, 2);
        double[] monteCarlo = {0.98402, 0.98139};
        for (int r = 0; r < 2; r++) {
            RunRecord d = dropConnect.get(r);
            dropConnect.set(r, new RunRecord(d.format(), d.variant(), d.seed(), d.settings(), d.engine(), d.configuration(),
                    d.history(), d.divergence(), Optional.of(new MonteCarloInference.Accuracy(50, monteCarlo[r])),
                    d.batchDependence(), d.layerStats(), d.network(), d.environment(), d.fingerprint(), Optional.empty()));
        }
        runs.addAll(dropConnect);
        runs.addAll(withBatchDependence(withLayerStats(variant(Variants.BATCHNORM.defaults(),
                new double[] {0.99127, 0.99083, 0.99161}, 0.019, EPOCHS, EPOCHS, EPOCHS), 0.83, 1.0),
                new BatchDependence(0.1274, 37, 1000)));
        runs.addAll(withBatchDependence(withLayerStats(variant(Variants.LAYERNORM.defaults(),
                new double[] {0.99052, 0.99139, 0.97937}, 0.023, EPOCHS, EPOCHS, EPOCHS), 0.79, 1.0),
                new BatchDependence(0.0, 0, 1000)));
        return runs;
    }

    /**
     * Runs of {@code variant} with seeds 1, 2, …: run r trains {@code epochs[r]} epochs of curves ending at
     * {@code finals[r]} (the value it would reach at the configured last epoch); a run with fewer than
     * {@value #EPOCHS} epochs diverged.
     */
    public static List<RunRecord> variant(Variant variant, double[] finals, double gap, int... epochs) {
        List<RunRecord> runs = new ArrayList<>();
        for (int r = 0; r < finals.length; r++) {
            List<EpochMetrics> history = new ArrayList<>();
            for (int e = 1; e <= epochs[r]; e++) {
                double a = finals[r] - gap * (EPOCHS - e) / e;
                history.add(new EpochMetrics(e, 0.5 * (1 - a) + 0.02, 0.5 * (1 - a) + 0.01 * r, a - 0.003, a,
                        61.5 + r + e));
            }
            Optional<String> divergence = epochs[r] < EPOCHS
                    ? Optional.of(variant.key() + " seed " + (r + 1) + " diverged: loss NaN at epoch " + (epochs[r] + 1))
                    : Optional.empty();
            runs.add(new RunRecord(RunSpec.FORMAT, variant, r + 1, SETTINGS, ConvolutionEngine.available(),
                    configuration(variant),
                    new TrainingHistory(history, false), divergence, Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return runs;
    }

    /**
     * Runs of {@code variant} (one of Part 1's nets) with seeds 1, 2, …, trained with {@code settings}: run r trains
     * {@code epochs[r]} epochs of a training loss falling as {@code finalTrainLoss[r]·E/e} towards its value at the
     * configured last epoch E, and a test accuracy of {@code 1 − loss/3}; a run with fewer than E epochs diverged.
     */
    public static List<RunRecord> mlp(Variant variant, TrainingSettings settings, double[] finalTrainLoss,
            int... epochs) {
        List<RunRecord> runs = new ArrayList<>();
        int configured = settings.epochs();
        for (int r = 0; r < finalTrainLoss.length; r++) {
            List<EpochMetrics> history = new ArrayList<>();
            for (int e = 1; e <= epochs[r]; e++) {
                double loss = finalTrainLoss[r] * configured / e;
                history.add(new EpochMetrics(e, loss, 1.1 * loss, 1 - loss / 2, 1 - loss / 3, 3.5 + e));
            }
            Optional<String> divergence = epochs[r] < configured
                    ? Optional.of(variant.key() + " seed " + (r + 1) + " diverged: loss NaN at epoch " + (epochs[r] + 1))
                    : Optional.empty();
            runs.add(new RunRecord(RunSpec.FORMAT, variant, r + 1, settings, ConvolutionEngine.available(),
                    configuration(variant), new TrainingHistory(history, false), divergence, Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return runs;
    }

    /**
     * Runs of every variant of Part 1's training study at its settings, seeds 1–3: variant i (in the study's order)
     * ends at a training loss of {@code 0.05 + 0.03·i} nats plus 0.004 per seed, except that the ReLU net with
     * Xavier initialization under SGD stays at 2.3012 nats (predicting the class frequencies) and seed 3 of the
     * first SGD variant diverges after 2 epochs.
     */
    public static List<RunRecord> initTraining() {
        Study study = Studies.PART1_TRAINING;
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < study.variants().size(); i++) {
            Variant v = study.variants().get(i);
            MlpNet net = (MlpNet) v.network();
            double end = net.net() == InitConfiguration.RELU_XAVIER && !net.adam() ? 2.3012 : 0.05 + 0.03 * i;
            int last = !net.adam() && i == study.variants().size() / 2 ? 2 : study.training().epochs();
            runs.addAll(mlp(v, study.training(), new double[] {end, end + 0.004, end + 0.008},
                    study.training().epochs(), study.training().epochs(), last));
        }
        return runs;
    }

    /** A made-up configuration hash, 64 hex digits that differ between variants from the first digit on. */
    public static String configuration(Variant variant) {
        return (Integer.toHexString(variant.key().hashCode()) + "0".repeat(64)).substring(0, 64);
    }

    /** {@code runs} without those of {@code variant}. */
    public static List<RunRecord> without(List<RunRecord> runs, Variant variant) {
        return runs.stream().filter(r -> !r.variant().equals(variant)).toList();
    }

    /** {@code runs} followed by {@code more}. */
    public static List<RunRecord> plus(List<RunRecord> runs, List<RunRecord> more) {
        return Stream.concat(runs.stream(), more.stream()).toList();
    }

    /** Three layers whose std moves from {@code start} towards {@code end} over 5 samples, on the first run. */
    private static List<RunRecord> withLayerStats(List<RunRecord> runs, double start, double end) {
        List<TrainingSample> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double s = start + (end - start) * i / 4.0;
            samples.add(new TrainingSample(50 * i, 0, List.of(s, 1.3 * s, 0.7 * s), List.of(Double.NaN, 1e-3, 2e-3)));
        }
        List<RunRecord> out = new ArrayList<>(runs);
        RunRecord f = out.get(0);
        out.set(0, new RunRecord(f.format(), f.variant(), f.seed(), f.settings(), f.engine(), f.configuration(),
                f.history(), f.divergence(), f.monteCarlo(), f.batchDependence(), samples, f.network(), f.environment(), f.fingerprint(), Optional.empty()));
        return out;
    }

    private static List<RunRecord> withBatchDependence(List<RunRecord> runs, BatchDependence dependence) {
        List<RunRecord> out = new ArrayList<>(runs);
        RunRecord f = out.get(0);
        out.set(0, new RunRecord(f.format(), f.variant(), f.seed(), f.settings(), f.engine(), f.configuration(),
                f.history(), f.divergence(), f.monteCarlo(), Optional.of(dependence), f.layerStats(), f.network(),
                f.environment(), f.fingerprint(), Optional.empty()));
        return out;
    }
}
