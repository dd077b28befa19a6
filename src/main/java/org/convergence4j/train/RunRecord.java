package org.convergence4j.train;

import java.util.List;
import java.util.Optional;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.TrainingSample;

/**
 * Everything one (variant, seed) run produced.
 *
 * @param variant the head's name, e.g. {@code DropConnect}
 * @param seed the run's seed
 * @param settings the shared settings it ran with
 * @param history the completed epochs
 * @param divergence empty, or the message of the divergence that stopped the run
 * @param monteCarloAccuracy test accuracy of Monte-Carlo averaged inference, when measured
 * @param batchDependence training-mode batch dependence, when measured
 * @param layerStats per-layer std samples during training, when recorded (may be empty)
 */
public record RunRecord(String variant, long seed, ExperimentSettings settings, TrainingHistory history,
        Optional<String> divergence, Optional<Double> monteCarloAccuracy, Optional<BatchDependence> batchDependence,
        List<TrainingSample> layerStats) {

    /** Samples averaged per batch by the Monte-Carlo inference. */
    public static final int MONTE_CARLO_SAMPLES = 50;

    /** Copies the list. */
    public RunRecord {
        layerStats = List.copyOf(layerStats);
    }

    /** True if all planned epochs completed without divergence. */
    public boolean complete() {
        return divergence.isEmpty() && !history.stoppedEarly() && history.epochs().size() == settings.epochs();
    }
}
