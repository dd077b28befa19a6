package org.convergence4j.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.convergence4j.data.Dataset;
import org.convergence4j.probe.BatchDependence;
import org.convergence4j.probe.TrainingSample;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.MonteCarloInference;
import org.convergence4j.train.RunEnvironment;
import org.convergence4j.train.RunRecord;

/**
 * Whether a run record read back from its file holds values a run can have, and belongs under the file's name
 * {@code <variant stem>-<hash10>-seed<k>.json}. The JSON mapper checks types and that every field is present; this
 * checks what it cannot: a null where a value is needed (the variant, the settings, …), accuracies in [0, 1] (a NaN
 * fails, as a NaN fails every comparison), finite losses, finite non-negative seconds, epochs numbered 1…n with n at
 * most the configured epochs, a known dataset, a 64-digit configuration hash, and a variant, hash and seed that agree
 * with the file's name. Per-layer statistics may hold NaN (the std of a layer without weights), so only their shape
 * is checked. The optional {@code environment} of newer records is checked when present, never required.
 */
final class RunRecordCheck {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private RunRecordCheck() {
    }

    /**
     * The first problem of {@code run}, read from {@code file}, as "field F is V; what it must be", or empty if it
     * has none.
     */
    static Optional<String> problem(Path file, RunRecord run) {
        try {
            check(file, run);
            return Optional.empty();
        } catch (Invalid e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void check(Path file, RunRecord run) throws Invalid {
        require(run.variant() != null, "variant", "null", "a record names its variant, e.g. \"Baseline\"");
        require(run.settings() != null, "settings", "null", "a record holds its training settings");
        require(run.engine() != null, "engine", "null", "a record names its convolution engine");
        require(run.configuration() != null && SHA256.matcher(run.configuration()).matches(), "configuration",
                quote(run.configuration()), "a configuration hash is 64 lower-case hex digits");
        require(run.history() != null, "history", "null", "a record holds its epochs");
        require(run.format() >= 1, "format", run.format(), "a format version is ≥ 1");
        checkName(file, run);
        String dataset = run.settings().dataset();
        require(Arrays.stream(Dataset.values()).anyMatch(d -> d.id().equals(dataset)), "settings.dataset",
                quote(dataset), "a dataset is one of " + Arrays.stream(Dataset.values()).map(Dataset::id).toList());
        List<EpochMetrics> epochs = run.history().epochs();
        require(epochs.size() <= run.settings().epochs(), "history.epochs", epochs.size() + " epochs",
                "a run trains at most its settings.epochs = " + run.settings().epochs());
        for (int i = 0; i < epochs.size(); i++) {
            checkEpoch("history.epochs[" + i + "].", i + 1, epochs.get(i));
        }
        require(run.divergence().map(d -> !d.isBlank()).orElse(true), "divergence", "\"\"",
                "a divergence says what diverged");
        require(run.network().map(n -> SHA256.matcher(n).matches()).orElse(true), "network",
                quote(run.network().orElse(null)), "a network's SHA-256 is 64 lower-case hex digits");
        if (run.monteCarlo().isPresent()) {
            checkMonteCarlo(run.monteCarlo().get());
        }
        if (run.batchDependence().isPresent()) {
            checkBatchDependence(run.batchDependence().get());
        }
        for (int i = 0; i < run.layerStats().size(); i++) {
            checkSample("layer_stats[" + i + "].", run.layerStats().get(i));
        }
        if (run.environment().isPresent()) {
            checkEnvironment(run.environment().get());
        }
    }

    /** A record's name is its variant's stem, the first digits of its configuration hash and its seed. */
    private static void checkName(Path file, RunRecord run) throws Invalid {
        String hash = run.configuration().substring(0, RunStore.HASH_CHARS);
        if (!file.getFileName().toString().equals(run.variant().fileStem() + "-" + hash + "-seed" + run.seed()
                + ".json")) {
            throw new Invalid("holds " + run.variant().key() + " seed " + run.seed() + " of configuration " + hash
                    + "…, not the run its name stands for (<variant>-<first " + RunStore.HASH_CHARS
                    + " hex digits of the configuration>-seed<k>.json)");
        }
    }

    private static void checkEpoch(String at, int number, EpochMetrics e) throws Invalid {
        require(e != null, at.substring(0, at.length() - 1), "null", "an epoch holds its metrics");
        require(e.epoch() == number, at + "epoch", e.epoch(), "epochs are numbered 1, 2, … in order, so this is "
                + number);
        require(Double.isFinite(e.trainLoss()), at + "train_loss", e.trainLoss(), "a loss is a finite number");
        require(Double.isFinite(e.testLoss()), at + "test_loss", e.testLoss(), "a loss is a finite number");
        requireFraction(at + "train_accuracy", e.trainAccuracy(), "an accuracy");
        requireFraction(at + "test_accuracy", e.testAccuracy(), "an accuracy");
        require(Double.isFinite(e.seconds()) && e.seconds() >= 0, at + "seconds", e.seconds(),
                "a duration is a finite number ≥ 0");
    }

    private static void checkMonteCarlo(MonteCarloInference.Accuracy m) throws Invalid {
        require(m.samples() >= 1, "monte_carlo.samples", m.samples(), "at least one mask is averaged");
        requireFraction("monte_carlo.test_accuracy", m.testAccuracy(), "an accuracy");
    }

    private static void checkBatchDependence(BatchDependence b) throws Invalid {
        require(b.examples() >= 1, "batch_dependence.examples", b.examples(), "at least one example is compared");
        require(Double.isFinite(b.maxAbsChange()) && b.maxAbsChange() >= 0, "batch_dependence.max_abs_change",
                b.maxAbsChange(), "a largest change of probabilities is a finite number ≥ 0");
        require(b.changedPredictions() >= 0 && b.changedPredictions() <= b.examples(),
                "batch_dependence.changed_predictions", b.changedPredictions(),
                "between 0 and the " + b.examples() + " examples compared");
    }

    private static void checkSample(String at, TrainingSample s) throws Invalid {
        require(s != null, at.substring(0, at.length() - 1), "null", "a sample holds its spreads");
        require(s.iteration() >= 0, at + "iteration", s.iteration(), "an iteration count is ≥ 0");
        require(s.activationStd() != null && s.activationStd().stream().allMatch(Objects::nonNull), at + "activation_std",
                String.valueOf(s.activationStd()), "one number per layer (NaN where a layer has none)");
        require(s.weightGradStd() != null && s.weightGradStd().stream().allMatch(Objects::nonNull), at + "weight_grad_std",
                String.valueOf(s.weightGradStd()), "one number per layer (NaN where a layer has none)");
    }

    private static void checkEnvironment(RunEnvironment e) throws Invalid {
        boolean instant;
        try {
            instant = e.finished() != null && Instant.parse(e.finished()) != null;
        } catch (DateTimeParseException notAnInstant) {
            instant = false;
        }
        require(instant, "environment.finished", quote(e.finished()), "an ISO-8601 instant such as "
                + "2026-01-01T12:00:00Z");
        require(e.cores() >= 1, "environment.cores", e.cores(), "a machine has at least one core");
    }

    private static void requireFraction(String field, double value, String what) throws Invalid {
        require(value >= 0 && value <= 1, field, value, what + " is a fraction in [0, 1]");
    }

    private static void require(boolean holds, String field, Object value, String rule) throws Invalid {
        if (!holds) {
            throw new Invalid("field " + field + " is " + value + "; " + rule);
        }
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    /** The first problem found; its message is the problem without the file. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String problem) {
            super(problem, null, false, false);
        }
    }
}
