package org.convergence4j.ui;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.convergence4j.study.StudyRunner;
import org.convergence4j.train.RunSpec;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.mapdb.DBException;

/**
 * Attaches DL4J's {@link StatsListener} to every run trained, recording into one {@link StatsStorage}: the score,
 * and per layer the parameters', gradients', updates' and activations' mean, standard deviation, mean magnitude and
 * histogram, which the UI's model tab turns into update:parameter ratios. Each run is a session of its own, named
 * by {@link RunSpec#label()}; its worker id is the first {@value #CONFIGURATION_DIGITS} hex digits of
 * {@link RunSpec#configuration()}, as in the name of the run's record in {@code runs/}. The listener only
 * reads the network (parameters, gradients, updates, activations), so a run gives the same numbers with and without
 * it.
 */
public final class StatsRecorder implements StudyRunner.RunListeners, AutoCloseable {

    /** Iterations between two reports: DL4J's default. */
    public static final int DEFAULT_EVERY = DefaultStatsUpdateConfiguration.DEFAULT_REPORTING_FREQUENCY;
    /** Hex digits of the configuration hash in a run's worker id. */
    static final int CONFIGURATION_DIGITS = 10;

    private final StatsStorage storage;
    private final DefaultStatsUpdateConfiguration reports;
    private final Path file;
    private final Set<String> runs = ConcurrentHashMap.newKeySet();

    private StatsRecorder(StatsStorage storage, int every, Path file) {
        if (every < 1) {
            throw new IllegalArgumentException("reports must come every ≥ 1 iterations, got " + every);
        }
        this.storage = storage;
        this.reports = new DefaultStatsUpdateConfiguration.Builder().reportingFrequency(every).build();
        this.file = file;
    }

    /**
     * Records in memory, for a UI of this process only.
     *
     * @param every iterations between two reports, ≥ 1 (DL4J reports at iterations every, 2·every, …)
     */
    public static StatsRecorder inMemory(int every) {
        return new StatsRecorder(new InMemoryStatsStorage(), every, null);
    }

    /**
     * Records to a new DL4J statistics file ({@link FileStatsStorage}, a MapDB file), which a {@link UiServer} can
     * serve later ({@code sections.Dashboard}).
     *
     * @param file must not exist yet (runs of two invocations would share session names); its folder is created
     * @param every as in {@link #inMemory(int)}
     * @throws FileAlreadyExistsException if {@code file} exists
     * @throws IOException naming the file if it cannot be created or written (a read-only folder, {@code /proc})
     */
    public static StatsRecorder toFile(Path file, int every) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new NotDirectoryException(folder.toString()); // not the FileAlreadyExistsException of the file
        }
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try {
            return new StatsRecorder(new FileStatsStorage(file.toFile()), every, file);
        } catch (DBException | IllegalStateException e) {
            // MapDB's own errors carry no message (VolumeIOError): say which file, and the cause underneath.
            Files.deleteIfExists(file);
            throw new IOException(file + ": " + rootCause(e, file), e);
        }
    }

    /** The innermost cause of {@code e} in words: its message without the path (Java writes "path (reason)"). */
    private static String rootCause(Throwable e, Path file) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String prefix = file.toFile().toString() + " (";
        return message.startsWith(prefix) && message.endsWith(")")
                ? message.substring(prefix.length(), message.length() - 1) : message;
    }

    /** {@inheritDoc} */
    @Override
    public List<TrainingListener> forRun(RunSpec spec) {
        String worker = spec.configuration().substring(0, CONFIGURATION_DIGITS);
        runs.add(spec.label());
        return List.of(new StatsListener(storage, null, reports, spec.label(), worker));
    }

    /** Where the reports go; attach it to a {@link UiServer} to watch them. */
    public StatsStorage storage() {
        return storage;
    }

    /** The sessions in the storage: one per run that has finished its first iteration. */
    public List<String> sessions() {
        return storage.listSessionIDs();
    }

    /** How many runs were given a listener. */
    public int runs() {
        return runs.size();
    }

    /**
     * Closes the storage; a statistics file is then complete. The file of a recorder that no run was given to is
     * deleted, so that no empty file is left to be served.
     */
    @Override
    public void close() throws IOException {
        boolean empty = runs.isEmpty();
        try {
            storage.close();
        } catch (IllegalAccessError closedByShutdownHook) {
            // MapDB's own shutdown hook (Ctrl-C) may have committed and closed the file first; nothing is lost.
        }
        if (file != null && empty) {
            Files.deleteIfExists(file);
        }
    }
}
