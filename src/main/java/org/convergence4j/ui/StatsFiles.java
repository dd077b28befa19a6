package org.convergence4j.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.mapdb.DBException;

/**
 * Statistics files written by {@link StatsRecorder#toFile}, opened again to be served. The UI knows a session by
 * its name alone, so the files opened together must not share one.
 */
public final class StatsFiles implements AutoCloseable {

    private final List<StatsStorage> storages;
    private final Map<String, Path> sessions;

    private StatsFiles(List<StatsStorage> storages, Map<String, Path> sessions) {
        this.storages = storages;
        this.sessions = sessions;
    }

    /**
     * Opens {@code files}.
     *
     * @throws IOException naming the file if one is missing, is not a DL4J statistics file, is in use by a training
     *     process, holds no training session, or holds a session that another of them holds too
     */
    public static StatsFiles open(List<Path> files) throws IOException {
        List<StatsStorage> storages = new ArrayList<>();
        Map<String, Path> sessions = new LinkedHashMap<>();
        try {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new NoSuchFileException(f.toString(), null, "no such file; give a file written by --stats");
                }
                StatsStorage s = openOne(f);
                storages.add(s);
                List<String> own = s.listSessionIDs().stream()
                        .filter(id -> s.listTypeIDsForSession(id).contains(StatsListener.TYPE_ID)).sorted().toList();
                if (own.isEmpty()) {
                    throw new IOException(f + " holds no training session; give a file written by --stats");
                }
                for (String id : own) {
                    Path other = sessions.putIfAbsent(id, f);
                    if (other != null) {
                        throw new IOException("session '" + id + "' is in both " + other + " and " + f
                                + "; the UI tells sessions apart by name only, so serve these files one at a time");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(storages);
            throw e;
        }
        return new StatsFiles(storages, sessions);
    }

    private static StatsStorage openOne(Path f) throws IOException {
        try {
            return new FileStatsStorage(f.toFile());
        } catch (DBException.FileLocked e) {
            throw new IOException(f + " is in use by another process (a section still training with --stats?); "
                    + "serve it when that process has ended", e);
        } catch (RuntimeException e) {
            throw new IOException(f + " cannot be opened: it is not a DL4J statistics file (" + e + ")", e);
        }
    }

    /** The storages, one per file, to attach to a {@link UiServer}. */
    public List<StatsStorage> storages() {
        return storages;
    }

    /** Every training session, with the file that holds it, sorted by file and then by name. */
    public Map<String, Path> sessions() {
        return sessions;
    }

    /** Closes every file. */
    @Override
    public void close() {
        closeAll(storages);
    }

    private static void closeAll(List<StatsStorage> storages) {
        for (StatsStorage s : storages) {
            try {
                s.close();
            } catch (IOException | IllegalAccessError alreadyClosed) {
                // Read only here; MapDB's own shutdown hook may have closed it first on Ctrl-C.
            }
        }
    }
}
