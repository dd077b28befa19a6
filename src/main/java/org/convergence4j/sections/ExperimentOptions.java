package org.convergence4j.sections;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of the sections that train TestNetwork variants, mixed in with {@code @Mixin}. */
public final class ExperimentOptions {

    /** Epochs of a {@code --quick} run. */
    static final int QUICK_EPOCHS = 2;
    /** Training examples of a {@code --quick} run. */
    static final int QUICK_EXAMPLES = 10_000;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs = 20;

    @Option(names = "--seeds", paramLabel = "N", description = "Runs per variant, with seeds S, S+1, … (default: ${DEFAULT-VALUE}).")
    int seeds = 3;

    @Option(names = "--seed", paramLabel = "S", description = "First seed of initialization, shuffling and masks (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--quick", description = "Smoke run: " + QUICK_EPOCHS + " epochs on the first " + QUICK_EXAMPLES
            + " training examples; results go to results-quick/ unless --out is given.")
    boolean quick;

    @Option(names = "--dataset", paramLabel = "NAME", description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE}).")
    String dataset = "mnist";

    @Option(names = "--force", description = "Retrain runs even when finished ones with the same settings are stored.")
    boolean force;

    @Option(names = "--report-only", description = "Train nothing: rewrite curves, summary, comparison and write-ups from the stored runs.")
    boolean reportOnly;

    @Option(names = "--jobs", paramLabel = "N", description = "Runs trained at once, one core each (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    /**
     * Checks what picocli's types cannot.
     *
     * @throws CommandLine.ParameterException naming the option and the value
     */
    void validate(CommandLine commandLine) {
        if (epochs < 0) {
            throw new CommandLine.ParameterException(commandLine, "--epochs must be ≥ 0, got " + epochs);
        }
        if (seeds < 1) {
            throw new CommandLine.ParameterException(commandLine, "--seeds must be ≥ 1, got " + seeds);
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(commandLine, "--jobs must be ≥ 1, got " + jobs);
        }
        if (!List.of("mnist", "fashion-mnist").contains(dataset)) {
            throw new CommandLine.ParameterException(commandLine,
                    "--dataset must be mnist or fashion-mnist, got '" + dataset + "'");
        }
    }

    /** The seeds S … S+N−1. */
    List<Long> seedList() {
        return LongStream.range(seed, seed + seeds).boxed().toList();
    }

    /** Where results go without {@code --out}: a quick run must not overwrite the real results. */
    Path defaultOut() {
        return quick ? Path.of("results-quick") : CommonOptions.DEFAULT_OUT;
    }

    /** Epochs per run, after {@code --quick}. */
    int effectiveEpochs() {
        return quick ? QUICK_EPOCHS : epochs;
    }
}
