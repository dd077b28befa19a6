package org.convergence4j.sections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convergence4j.data.DataDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by every section's command line (data and output), mixed in with {@code @Mixin}. */
public final class CommonOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the MNIST IDX files are or will be fetched to "
            + "(default: $" + DataDirectory.ENV + ", else ~/.cache/convergence4j/mnist).")
    Path dataDir;

    /** The default of {@code --out}. */
    static final Path DEFAULT_OUT = Path.of("results");

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results).")
    Path out;

    /**
     * Checks that the output directory is writable, creating it if missing.
     *
     * @throws CommandLine.ParameterException naming the option and the value
     */
    void validate(CommandLine commandLine) {
        validate(commandLine, DEFAULT_OUT);
    }

    /**
     * As {@link #validate(CommandLine)}, with {@code defaultOut} standing for an absent {@code --out}.
     */
    void validate(CommandLine commandLine, Path defaultOut) {
        if (out == null) {
            out = defaultOut;
        }
        try {
            Files.createDirectories(out);
        } catch (IOException | SecurityException e) {
            throw new CommandLine.ParameterException(commandLine, "--out " + out + " cannot be created: " + e);
        }
        if (!Files.isWritable(out)) {
            throw new CommandLine.ParameterException(commandLine, "--out " + out + " is not writable");
        }
    }

    /** The MNIST directory from {@code --data-dir}, the environment, or the default cache. */
    Path mnistDir() {
        return DataDirectory.resolve(dataDir, System.getenv(), "mnist");
    }
}
