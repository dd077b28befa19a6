package org.convergence4j.ui;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence4j.study.StudyRunner;
import org.convergence4j.train.RunSpec;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;

/**
 * Attaches DL4J's {@link StatsListener} to every run trained, recording into one {@link StatsStorage}: the score,
 * and per layer the parameters', gradients', updates' and activations' mean, standard deviation, mean magnitude and
 * histogram, which the UI's model tab turns into update:parameter ratios. Each run is a session of its own, named
 * by {@link RunSpec#label()}; its worker id is the first {@value #CONFIGURATION_DIGITS} hex digits of
 * {@link RunSpec#configuration()}, so two runs told apart by their settings alone stay apart. The listener only
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
     */
    public static StatsRecorder toFile(Path file, int every) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        return new StatsRecorder(new FileStatsStorage(file.toFile()), every, file);
    }

    /** {@inheritDoc} */
    @Override
    public List<TrainingListener> forRun(RunSpec spec) {
        String worker = spec.configuration().substring(0, CONFIGURATION_DIGITS);
        return List.of(new StatsListener(storage, null, reports, spec.label(), worker));
    }

    /** Where the reports go; attach it to a {@link UiServer} to watch them. */
    public StatsStorage storage() {
        return storage;
    }

    /** The sessions recorded so far: one per run that started training. */
    public List<String> sessions() {
        return storage.listSessionIDs();
    }

    /**
     * Closes the storage; a statistics file is then complete. A file that holds no session (no run was trained) is
     * deleted, so that no empty file is left to be served.
     */
    @Override
    public void close() throws IOException {
        boolean empty = storage.listSessionIDs().isEmpty();
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
