package org.convergence4j.sections;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.convergence4j.ui.StatsFiles;
import org.convergence4j.ui.UiServer;
import org.deeplearning4j.core.storage.StatsStorage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * DL4J's training UI over statistics files that a training section recorded with {@code --stats}: every run in them
 * is a session of the UI, served until Ctrl-C.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serves recorded --stats files in DL4J's training UI until Ctrl-C.")
public final class Dashboard implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Statistics files written by a section's --stats.")
    List<Path> files;

    @Option(names = "--port", paramLabel = "N", description = "Port of the UI, 1–65535 (default: ${DEFAULT-VALUE}, DL4J's).")
    int port = UiServer.DEFAULT_PORT;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Dashboard(), args);
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        UiOptions.checkPort(cl, "--port", port);
        PrintStream console = System.out;
        StatsFiles opened;
        try {
            opened = StatsFiles.open(files);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        try (StatsFiles stats = opened; UiServer server = start(cl)) {
            for (StatsStorage s : stats.storages()) {
                server.attach(s);
            }
            stats.sessions().forEach((session, file) -> console.println(session + " (" + file + ")"));
            console.println("DL4J training UI: " + server.overviewUrl() + " serves these " + stats.sessions().size()
                    + " run(s) (choose one in the page's session list) until Ctrl-C");
            server.serveUntilCtrlC();
            return 0;
        }
    }

    private UiServer start(CommandLine cl) {
        try {
            return UiServer.start(port);
        } catch (BindException e) {
            throw new CommandLine.ParameterException(cl, "--port " + e.getMessage()
                    + "; stop what listens there or choose another port with --port");
        }
    }
}
