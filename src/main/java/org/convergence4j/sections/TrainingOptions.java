package org.convergence4j.sections;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of the sections that train TestNetwork heads, mixed in with {@code @Mixin}. */
public final class TrainingOptions {

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs = 20;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of initialization, shuffling and masks (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    /**
     * Checks what picocli's types cannot: a non-negative epoch count.
     *
     * @throws CommandLine.ParameterException naming the option and the value
     */
    void validate(CommandLine commandLine) {
        if (epochs < 0) {
            throw new CommandLine.ParameterException(commandLine, "--epochs must be ≥ 0, got " + epochs);
        }
    }
}
