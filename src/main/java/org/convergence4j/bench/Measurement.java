package org.convergence4j.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark process measured for one variant: the mean time of a training step after warm-up, one
 * evaluation pass over the test set, both in wall-clock and in process CPU seconds, and the process's peak resident
 * memory. A training epoch is estimated as
 * {@value #STEPS_PER_EPOCH} steps plus one evaluation pass, the work of an epoch of the seminar's loop.
 *
 * @param framework   {@code dl4j} or {@code pytorch}
 * @param variant     the head, lower case as the reference script names it (e.g. {@code baseline})
 * @param steps       timed training steps
 * @param stepSeconds mean wall-clock seconds per training step (forward, backward, Adam update, batch metrics)
 * @param evalSeconds wall-clock seconds of one inference pass over the 10 000 test images (79 batches)
 * @param cpuStepSeconds process CPU seconds per training step (all threads: JIT and GC count too); on a machine
 *                    shared with other work it varies less than the wall-clock figure
 * @param cpuEvalSeconds process CPU seconds of the evaluation pass
 * @param peakRssMb   peak resident set of the process (Linux VmHWM), MiB; NaN where unknown
 * @param setup       the configuration measured, e.g. the native backend or BLAS library, for the report
 */
public record Measurement(String framework, String variant, int steps, double stepSeconds, double evalSeconds,
        double cpuStepSeconds, double cpuEvalSeconds, double peakRssMb, String setup) {

    /** Training batches of 128 in an epoch of the 60 000 MNIST training images, ⌈60000/128⌉. */
    public static final int STEPS_PER_EPOCH = 469;

    /** Training steps per second. */
    public double stepsPerSecond() {
        return 1 / stepSeconds;
    }

    /** Estimated seconds of one training epoch: {@value #STEPS_PER_EPOCH} steps plus the test-set evaluation. */
    public double epochSeconds() {
        return STEPS_PER_EPOCH * stepSeconds + evalSeconds;
    }

    /**
     * Combines repeated measurements of one framework and variant: the median step time, the median evaluation
     * time, and the largest peak memory.
     *
     * @throws IllegalArgumentException if {@code runs} is empty or mixes frameworks or variants
     */
    public static Measurement median(List<Measurement> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no measurements to combine");
        }
        Measurement first = runs.get(0);
        for (Measurement m : runs) {
            if (!m.framework.equals(first.framework) || !m.variant.equals(first.variant)) {
                throw new IllegalArgumentException("cannot combine " + m.framework + "/" + m.variant + " with "
                        + first.framework + "/" + first.variant);
            }
        }
        return new Measurement(first.framework, first.variant, first.steps,
                median(runs.stream().mapToDouble(Measurement::stepSeconds).toArray()),
                median(runs.stream().mapToDouble(Measurement::evalSeconds).toArray()),
                median(runs.stream().mapToDouble(Measurement::cpuStepSeconds).toArray()),
                median(runs.stream().mapToDouble(Measurement::cpuEvalSeconds).toArray()),
                runs.stream().mapToDouble(Measurement::peakRssMb).max().orElseThrow(), first.setup);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Estimated process CPU seconds of one training epoch, as {@link #epochSeconds()}. */
    public double cpuEpochSeconds() {
        return STEPS_PER_EPOCH * cpuStepSeconds + cpuEvalSeconds;
    }

    /** One line of JSON, with the reference script's key names. */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("framework", framework);
        json.addProperty("variant", variant);
        json.addProperty("steps", steps);
        json.addProperty("step_seconds", stepSeconds);
        json.addProperty("eval_seconds", evalSeconds);
        json.addProperty("cpu_step_seconds", cpuStepSeconds);
        json.addProperty("cpu_eval_seconds", cpuEvalSeconds);
        json.addProperty("peak_rss_mb", peakRssMb);
        json.addProperty("setup", setup);
        return json.toString();
    }

    /**
     * Reads a line written by {@link #toJson()} or by {@code reference.py --bench}; a missing {@code setup} is
     * rebuilt from the script's {@code torch}, {@code blas} and {@code threads} fields.
     *
     * @throws IllegalArgumentException quoting the line if it is not such a JSON object
     */
    public static Measurement fromJson(String line) {
        try {
            JsonObject json = new JsonParser().parse(line).getAsJsonObject();
            String setup = json.has("setup") ? json.get("setup").getAsString() : String.format(
                    "torch %s, %s thread(s), BLAS %s", json.get("torch").getAsString(), json.get("threads"),
                    json.get("blas"));
            return new Measurement(json.get("framework").getAsString(), json.get("variant").getAsString(),
                    json.get("steps").getAsInt(), json.get("step_seconds").getAsDouble(),
                    json.get("eval_seconds").getAsDouble(), json.get("cpu_step_seconds").getAsDouble(),
                    json.get("cpu_eval_seconds").getAsDouble(), json.get("peak_rss_mb").getAsDouble(), setup);
        } catch (JsonSyntaxException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("not a benchmark measurement: '" + line + "' (" + e + ")", e);
        }
    }
}
