package org.convergence4j.train;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.layers.LayerFingerprint;
import org.convergence4j.models.Variant;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.TrainingSample;

/**
 * Everything one run produced, with what identifies it: the one schema of a run, stored as one JSON file and read
 * back by the same mapper.
 *
 * @param format {@link RunSpec#FORMAT} when it was made
 * @param variant the head, e.g. {@code DropConnect(keep=0.6)}
 * @param seed the run's seed
 * @param settings how it was trained
 * @param engine what computed the convolutions
 * @param configuration {@link RunSpec#configuration()} of the run
 * @param history the completed epochs
 * @param divergence empty, or the message of the divergence that stopped the run
 * @param monteCarlo test accuracy of Monte-Carlo averaged inference, when measured
 * @param batchDependence training-mode batch dependence, when measured
 * @param layerStats per-layer std samples during training, when recorded (may be empty)
 * @param network SHA-256 (hex) of the trained network's file stored beside the record, when stored
 * @param environment where and when it was trained; empty in records stored before records named it
 * @param fingerprint what its custom layers computed ({@link RunIdentity}); empty in records stored before records
 *     held it
 * @param trainingSetAccuracy the final network's accuracy on the whole training set in inference mode (no masks;
 *     BatchNorm with its running statistics), measured after training from the stored network; empty until then
 */
public record RunRecord(int format, Variant variant, long seed, TrainingSettings settings, ConvolutionEngine engine,
        String configuration, TrainingHistory history, Optional<String> divergence,
        Optional<MonteCarloInference.Accuracy> monteCarlo, Optional<BatchDependence> batchDependence,
        List<TrainingSample> layerStats, Optional<String> network, Optional<RunEnvironment> environment,
        Optional<List<LayerFingerprint>> fingerprint, Optional<Double> trainingSetAccuracy) {

    /**
     * The fields (as named in the JSON file) that records written before they existed lack; such a record is read
     * with them empty, not moved aside as torn.
     */
    public static final Set<String> ADDED_FIELDS = Set.of("environment", "fingerprint", "training_set_accuracy");

    /** Copies the list; a missing list (an older writer) is empty. */
    public RunRecord {
        layerStats = layerStats == null ? List.of() : List.copyOf(layerStats);
        divergence = divergence == null ? Optional.empty() : divergence;
        monteCarlo = monteCarlo == null ? Optional.empty() : monteCarlo;
        batchDependence = batchDependence == null ? Optional.empty() : batchDependence;
        network = network == null ? Optional.empty() : network;
        environment = environment == null ? Optional.empty() : environment;
        fingerprint = fingerprint == null ? Optional.empty() : fingerprint.map(List::copyOf);
        trainingSetAccuracy = trainingSetAccuracy == null ? Optional.empty() : trainingSetAccuracy;
    }

    /**
     * A new record of {@code spec}'s run, identified by {@code identity} (its {@link RunSpec#identity()}), in this
     * process's {@link RunEnvironment}.
     */
    public static RunRecord of(RunSpec spec, RunIdentity identity, TrainingHistory history, Optional<String> divergence,
            Optional<MonteCarloInference.Accuracy> monteCarlo, Optional<BatchDependence> batchDependence,
            List<TrainingSample> layerStats) {
        return new RunRecord(RunSpec.FORMAT, spec.variant(), spec.seed(), spec.settings(), ConvolutionEngine.available(),
                identity.configuration(), history, divergence, monteCarlo, batchDependence, layerStats, Optional.empty(),
                Optional.of(RunEnvironment.current()), Optional.of(identity.fingerprint()), Optional.empty());
    }

    /** The same record, naming the checksum of its stored network. */
    public RunRecord withNetwork(String sha256) {
        return new RunRecord(format, variant, seed, settings, engine, configuration, history, divergence, monteCarlo,
                batchDependence, layerStats, Optional.of(sha256), environment, fingerprint, trainingSetAccuracy);
    }

    /** The same record with the final network's inference-mode accuracy on the whole training set. */
    public RunRecord withTrainingSetAccuracy(double accuracy) {
        return new RunRecord(format, variant, seed, settings, engine, configuration, history, divergence, monteCarlo,
                batchDependence, layerStats, network, environment, fingerprint, Optional.of(accuracy));
    }

    /** Its identity; a record stored before records held fingerprints has none to compare (an empty list). */
    public RunIdentity identity() {
        return new RunIdentity(configuration, fingerprint.orElse(List.of()));
    }

    /** The run this record is of. */
    public RunSpec spec() {
        return new RunSpec(variant, seed, settings);
    }

    /** True if all planned epochs completed without divergence. */
    public boolean complete() {
        return divergence.isEmpty() && !history.stoppedEarly() && history.epochs().size() == settings.epochs();
    }
}
