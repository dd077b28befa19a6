package org.convergence4j.statistics;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.models.Variant;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.TrainingSample;
import org.convergence4j.train.RunEnvironment;
import org.convergence4j.train.RunRecord;

/**
 * What a study's runs measured beside their curves, per variant that measured it: the two DropConnect inference
 * rules, the batch dependence in training mode, the per-layer std during training; and where the newest run was
 * trained.
 *
 * @param dropconnectInference per variant measured, the two inference rules' test accuracy
 * @param batchDependence per variant measured, how its training-mode outputs depend on the batch
 * @param layerStats per variant recorded, the per-layer std sampled during training
 * @param environment where and when the newest of the runs was trained; empty when no run recorded it
 * @param engine what computed the runs' convolutions (several, comma-separated, if they differ); this process's
 *     engine when there is no run
 */
public record Analyses(Map<String, DropConnectInference> dropconnectInference,
        Map<String, BatchDependenceEntry> batchDependence, Map<String, LayerStats> layerStats,
        Optional<RunEnvironment> environment, String engine) {

    /** Copies the maps, keeping their order. */
    public Analyses {
        dropconnectInference = Collections.unmodifiableMap(new LinkedHashMap<>(dropconnectInference));
        batchDependence = Collections.unmodifiableMap(new LinkedHashMap<>(batchDependence));
        layerStats = Collections.unmodifiableMap(new LinkedHashMap<>(layerStats));
    }

    /**
     * @param seeds the seed of each trained model
     * @param meanWeightTestAcc with the weights replaced by their expectation p·W (the seminar's rule)
     * @param monteCarloTestAcc with the softmax averaged over {@code samples} sampled masks
     * @param samples the number of masks
     * @param monteCarloMinusMeanWeight the paired difference Monte-Carlo − mean-weight over the seeds with its 95%
     *     t interval; empty with fewer than two seeds
     */
    public record DropConnectInference(List<Long> seeds, List<Double> meanWeightTestAcc,
            List<Double> monteCarloTestAcc, int samples, Optional<MeanInterval> monteCarloMinusMeanWeight) {

        /** The paired interval computed from the two lists. */
        static DropConnectInference of(List<Long> seeds, List<Double> meanWeight, List<Double> monteCarlo, int samples) {
            double[] differences = new double[seeds.size()];
            for (int i = 0; i < differences.length; i++) {
                differences[i] = monteCarlo.get(i) - meanWeight.get(i);
            }
            return new DropConnectInference(seeds, meanWeight, monteCarlo, samples,
                    MeanInterval.of(differences, Comparison.LEVEL));
        }
    }

    /** @param seed the run measured; the other fields as {@link BatchDependence} */
    public record BatchDependenceEntry(long seed, double maxAbsChange, int changedPredictions, int examples) {
    }

    /**
     * @param seed the run recorded
     * @param iterations the sampled iterations
     * @param layers "input of l name" per layer
     * @param activationStd per sampled iteration, one std per layer
     * @param weightGradStd per sampled iteration, one std per layer ({@code NaN} without weights)
     */
    public record LayerStats(long seed, List<Integer> iterations, List<String> layers, List<List<Double>> activationStd,
            List<List<Double>> weightGradStd) {
    }

    /** The analyses of {@code runs} of {@code variants}, in that order (runs of other variants are left out). */
    public static Analyses of(List<Variant> variants, List<RunRecord> runs) {
        Map<String, DropConnectInference> inference = new LinkedHashMap<>();
        Map<String, BatchDependenceEntry> dependence = new LinkedHashMap<>();
        Map<String, LayerStats> layerStats = new LinkedHashMap<>();
        for (Variant v : variants) {
            List<RunRecord> own = runs.stream().filter(r -> r.variant().equals(v))
                    .sorted(Comparator.comparingLong(RunRecord::seed)).toList();
            List<RunRecord> measured = own.stream().filter(r -> r.monteCarlo().isPresent()).toList();
            if (!measured.isEmpty()) {
                inference.put(v.key(), DropConnectInference.of(measured.stream().map(RunRecord::seed).toList(),
                        measured.stream().map(r -> r.history().last().testAccuracy()).toList(),
                        measured.stream().map(r -> r.monteCarlo().orElseThrow().testAccuracy()).toList(),
                        measured.get(0).monteCarlo().orElseThrow().samples()));
            }
            own.stream().filter(r -> r.batchDependence().isPresent()).findFirst().ifPresent(r -> {
                BatchDependence b = r.batchDependence().orElseThrow();
                dependence.put(v.key(), new BatchDependenceEntry(r.seed(), b.maxAbsChange(), b.changedPredictions(),
                        b.examples()));
            });
            own.stream().filter(r -> !r.layerStats().isEmpty()).findFirst()
                    .ifPresent(r -> layerStats.put(v.key(), layerStats(r, TestNetwork.layerNames(v))));
        }
        List<String> engines = runs.stream().map(r -> r.engine().name()).distinct().sorted().toList();
        return new Analyses(inference, dependence, layerStats, newestEnvironment(runs),
                engines.isEmpty() ? ConvolutionEngine.available().name() : String.join(", ", engines));
    }

    /** @param names the network's layer names; sample l is the std of layer l's input */
    private static LayerStats layerStats(RunRecord run, List<String> names) {
        List<TrainingSample> samples = run.layerStats();
        int layers = samples.get(0).activationStd().size();
        return new LayerStats(run.seed(), samples.stream().map(TrainingSample::iteration).toList(),
                IntStream.range(0, layers).mapToObj(l -> "input of " + l + " "
                        + (l < names.size() ? names.get(l) : "layer")).toList(),
                samples.stream().map(TrainingSample::activationStd).toList(),
                samples.stream().map(TrainingSample::weightGradStd).toList());
    }

    /** The environment of the newest run that recorded one. */
    public static Optional<RunEnvironment> newestEnvironment(List<RunRecord> runs) {
        return runs.stream().flatMap(r -> r.environment().stream())
                .max(Comparator.comparing((RunEnvironment e) -> Instant.parse(e.finished())));
    }
}
