package org.convergence4j.ui;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The upload folders DL4J's UI server leaves behind: each start makes {@code java.io.tmpdir/DL4JUI_<millis>}, with
 * {@code <millis>} the clock at that start, for files uploaded through its pages, and never removes it. A closed
 * {@link UiServer} removes the folders stamped within its own start, and only empty ones: a folder holding an upload,
 * or stamped outside that window (another JVM's server), stays.
 */
final class UploadFolders {

    private static final String PREFIX = "DL4JUI_";

    private UploadFolders() {
    }

    /** Deletes the empty folders {@code DL4JUI_<t>} in {@code dir} with {@code from ≤ t ≤ until}. */
    static void deleteEmpty(Path dir, long from, long until) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path folder : folders) {
                if (stampedWithin(folder.getFileName().toString(), from, until) && Files.isDirectory(folder)) {
                    deleteIfEmpty(folder);
                }
            }
        } catch (IOException e) {
            // the temp folder cannot be listed: leaving DL4J's empty folders is harmless
        }
    }

    /** Deletes the empty upload folders of a start between {@code from} and {@code until} in {@code java.io.tmpdir}. */
    static void deleteEmpty(long from, long until) {
        deleteEmpty(tmpdir(), from, until);
    }

    /**
     * Has the JVM delete, as the very last thing it does, the upload folders of a start between {@code from} and
     * {@code until} that are empty by then. On Ctrl-C DL4J's own shutdown hook may stop the server before
     * {@link UiServer#close()} runs, and a page still open keeps asking, each request making the folder again until
     * the server has stopped; the JVM's list of files to delete at exit is worked through after every shutdown hook.
     */
    static void deleteEmptyAtExit(long from, long until) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmpdir(), PREFIX + "*")) {
            for (Path folder : folders) {
                if (stampedWithin(folder.getFileName().toString(), from, until)) {
                    folder.toFile().deleteOnExit(); // File.delete: an empty folder only; one holding an upload stays
                }
            }
        } catch (IOException e) {
            // the temp folder cannot be listed: leaving DL4J's empty folders is harmless
        }
    }

    private static Path tmpdir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static boolean stampedWithin(String name, long from, long until) {
        try {
            long stamp = Long.parseLong(name.substring(PREFIX.length()));
            return stamp >= from && stamp <= until;
        } catch (NumberFormatException notDl4js) {
            return false;
        }
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            Files.delete(folder);
        } catch (DirectoryNotEmptyException holdsAnUpload) {
            // kept: a user uploaded a file through the UI
        } catch (IOException e) {
            // kept: harmless
        }
    }
}
