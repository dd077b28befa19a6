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

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results at the reference "
            + "settings, results-quick for --quick, results-custom for any other settings).")
    Path out;

    /**
     * The results folder: {@code --out}, else {@code defaultOut}; checks that it is writable, creating it if missing.
     *
     * @throws CommandLine.ParameterException naming the option, the value and the fix
     */
    Path out(CommandLine commandLine, Path defaultOut) {
        if (dataDir != null && dataDir.toString().isBlank()) {
            throw new CommandLine.ParameterException(commandLine,
                    "--data-dir is empty; give a folder, or leave the option out for the default");
        }
        if (out != null && out.toString().isBlank()) {
            throw new CommandLine.ParameterException(commandLine,
                    "--out is empty; give a folder such as results-mine, or leave the option out for the default");
        }
        Path folder = out != null ? out : defaultOut;
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new CommandLine.ParameterException(commandLine, "--out " + folder + " cannot be created ("
                    + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "")
                    + "); choose a folder you can write to");
        }
        if (!Files.isWritable(folder)) {
            throw new CommandLine.ParameterException(commandLine, "--out " + folder
                    + " is not writable; choose a folder you can write to");
        }
        return folder;
    }

    /** The MNIST directory from {@code --data-dir}, the environment, or the default cache. */
    Path mnistDir() {
        return DataDirectory.resolve(dataDir, System.getenv(), "mnist");
    }
}
