package org.convergence4j.sections;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.convergence4j.ui.StatsRecorder;
import org.convergence4j.ui.TrainingUi;
import org.convergence4j.ui.UiServer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of the training sections for DL4J's training UI, mixed in with {@code @Mixin}. */
public final class UiOptions {

    @Option(names = "--ui", description = "Watch the runs train in DL4J's training UI (score; per layer activations, "
            + "gradients, updates, update:parameter ratios); after training it serves them until Ctrl-C.")
    boolean ui;

    @Option(names = "--ui-port", paramLabel = "N", description = "Port of --ui, 1–65535 (default: ${DEFAULT-VALUE}, DL4J's).")
    int port = UiServer.DEFAULT_PORT;

    @Option(names = "--stats", paramLabel = "FILE", description = "Also record the UI's statistics to FILE, a new file "
            + "(with or without --ui), to view later with sections.Dashboard.")
    Path stats;

    /**
     * Starts what these options ask for: nothing, the UI and/or the statistics file.
     *
     * @param reportOnly whether the section trains nothing
     * @throws CommandLine.ParameterException naming the option, the value and the fix
     */
    TrainingUi open(CommandLine commandLine, boolean reportOnly, PrintStream console) throws IOException {
        if (!ui && commandLine.getParseResult().hasMatchedOption("--ui-port")) {
            throw new CommandLine.ParameterException(commandLine, "--ui-port " + port + " without --ui; add --ui");
        }
        if ((ui || stats != null) && reportOnly) {
            throw new CommandLine.ParameterException(commandLine, (ui ? "--ui" : "--stats") + " with --report-only: "
                    + "nothing is trained, so there are no statistics; view a --stats file with sections.Dashboard");
        }
        if (stats != null && stats.toString().isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--stats is empty; give a new file such as runs.dl4j");
        }
        checkPort(commandLine, "--ui-port", port);
        try {
            return TrainingUi.open(ui ? OptionalInt.of(port) : OptionalInt.empty(), Optional.ofNullable(stats),
                    StatsRecorder.DEFAULT_EVERY, console);
        } catch (BindException e) {
            throw new CommandLine.ParameterException(commandLine, "--ui-port " + e.getMessage()
                    + "; stop what listens there or choose another port with --ui-port");
        } catch (FileAlreadyExistsException e) {
            throw new CommandLine.ParameterException(commandLine, "--stats " + stats + " exists; give a new file "
                    + "(sections.Dashboard serves several files at once)");
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, "--stats " + stats + " cannot be created ("
                    + FailureMessage.of(e) + "); choose a folder you can write to");
        }
    }

    /** @throws CommandLine.ParameterException unless {@code port} is 1–65535 */
    static void checkPort(CommandLine commandLine, String option, int port) {
        if (port < 1 || port > 0xFFFF) {
            throw new CommandLine.ParameterException(commandLine, option + " must be 1–65535, got " + port);
        }
    }
}
