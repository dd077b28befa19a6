package org.convergence4j.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.convergence4j.study.StudyRunner;
import org.convergence4j.train.RunSpec;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * What a training section asks of DL4J's UI: statistics of every trained run ({@link StatsRecorder}), shown live by
 * a {@link UiServer} and/or written to a statistics file, and after training the UI kept open until Ctrl-C. With
 * neither it does nothing and loads none of DL4J's UI classes (no lambdas over them either: loading them on the way
 * out of a Ctrl-C would delay the last words of the section past the JVM's exit).
 */
public final class TrainingUi implements StudyRunner.RunListeners, AutoCloseable {

    private final Optional<UiServer> server;
    private final Optional<StatsRecorder> recorder;
    private final Optional<Path> file;
    private final PrintStream console;

    private TrainingUi(Optional<UiServer> server, Optional<StatsRecorder> recorder, Optional<Path> file,
            PrintStream console) {
        this.server = server;
        this.recorder = recorder;
        this.file = file;
        this.console = console;
    }

    /** No UI and no statistics. */
    public static TrainingUi none() {
        return new TrainingUi(Optional.empty(), Optional.empty(), Optional.empty(), System.out);
    }

    /**
     * Starts what is asked and says on {@code console} where to look.
     *
     * @param port the UI's port (0: any free one), or empty for no UI
     * @param statsFile a new statistics file to record to, or empty
     * @param every iterations between two reports, ≥ 1 ({@link StatsRecorder#DEFAULT_EVERY})
     * @throws BindException naming the port if it is taken
     * @throws java.nio.file.FileAlreadyExistsException if {@code statsFile} exists
     */
    public static TrainingUi open(OptionalInt port, Optional<Path> statsFile, int every, PrintStream console)
            throws IOException {
        if (port.isEmpty() && statsFile.isEmpty()) {
            return none();
        }
        StatsRecorder recorder = statsFile.isPresent() ? StatsRecorder.toFile(statsFile.get(), every)
                : StatsRecorder.inMemory(every);
        try {
            Optional<UiServer> server = Optional.empty();
            if (port.isPresent()) {
                UiServer s = UiServer.start(port.getAsInt());
                server = Optional.of(s);
                s.attach(recorder.storage());
                console.println("DL4J training UI: " + s.overviewUrl() + " (each run is a session, named like "
                        + "'Baseline seed 1'; choose it in the page's session list)");
            }
            statsFile.ifPresent(f -> console.println("recording the UI's statistics to " + f));
            return new TrainingUi(server, Optional.of(recorder), statsFile, console);
        } catch (IOException | RuntimeException e) {
            recorder.close();
            throw e;
        }
    }

    /** {@inheritDoc} */
    @Override
    public List<TrainingListener> forRun(RunSpec spec) {
        return recorder.isPresent() ? recorder.get().forRun(spec) : List.of();
    }

    /** The sessions recorded so far, one per run trained. */
    public List<String> sessions() {
        return recorder.isPresent() ? recorder.get().sessions() : List.of();
    }

    /** The running UI, if one was asked for. */
    public Optional<UiServer> server() {
        return server;
    }

    /**
     * After training: with a UI, keeps it serving the runs until Ctrl-C, and says so; returns at once without a
     * UI, or when no run was trained (a reused run keeps no per-iteration statistics). An interrupt of the calling
     * thread ends the serving as Ctrl-C does.
     */
    public void serveUntilCtrlC() {
        if (server.isEmpty()) {
            return;
        }
        List<String> sessions = sessions();
        if (sessions.isEmpty()) {
            console.println("DL4J training UI: no run was trained, so it has nothing to show (stored runs keep no "
                    + "per-iteration statistics; --force retrains them)");
            return;
        }
        console.println("training done; the DL4J training UI keeps serving " + sessions.size() + " run(s) at "
                + server.get().overviewUrl() + " until Ctrl-C");
        server.get().serveUntilCtrlC();
    }

    /**
     * Completes the statistics file (deleted if no run was trained), saying where it is, and stops the UI; on
     * Ctrl-C while serving, the JVM's shutdown waits for this.
     */
    @Override
    public void close() throws IOException {
        try {
            if (recorder.isPresent()) {
                int runs = recorder.get().runs();
                recorder.get().close();
                file.ifPresent(f -> console.println(runs == 0 ? "no run was trained, so " + f + " was not written"
                        : "wrote the statistics of " + runs + " run(s) to " + f + "; serve them again with mvn -B -q "
                                + "exec:java -Dexec.mainClass=org.convergence4j.sections.Dashboard -Dexec.args=" + f));
            }
        } finally {
            if (server.isPresent()) {
                server.get().close();
            }
        }
    }
}
