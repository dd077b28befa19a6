package org.convergence4j.sections;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one line a failed command prints: what failed, naming the file, and the fix where one is known. The JDK's
 * file-system exceptions carry only a path as their message ({@code /data/x}); they are put in words here.
 */
final class FailureMessage {

    private FailureMessage() {
    }

    /** The message for {@code failure}. */
    static String of(Throwable failure) {
        Throwable t = failure;
        if (t instanceof UncheckedIOException u && u.getCause() instanceof FileSystemException) {
            t = u.getCause();
        }
        if (t instanceof FileSystemException f) {
            String file = f.getFile() != null ? f.getFile() : "a file";
            String reason = f.getReason() != null ? " (" + f.getReason() + ")" : "";
            String other = f.getOtherFile() != null ? " and " + f.getOtherFile() : "";
            if (t instanceof AccessDeniedException) {
                return file + other + ": permission denied" + reason
                        + "; make it readable and writable for this user, or choose another folder (--out, --data-dir)";
            }
            if (t instanceof NoSuchFileException) {
                return file + other + ": no such file or folder" + reason + "; check the path";
            }
            if (t instanceof NotDirectoryException || t instanceof FileAlreadyExistsException) {
                return file + other + ": a file stands where a folder is needed" + reason
                        + "; move it away or choose another folder";
            }
            return file + other + ": " + (f.getReason() != null ? f.getReason() : t.getClass().getSimpleName());
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getName() + " without a message; please report it with the command that caused it";
        }
        return message;
    }

    /**
     * Reports a failure that a stop request caused (npm ended, say) as the stop: prints it now, before the JVM may
     * exit once the stop is finished, and returns the exit code of a stopped command.
     */
    static int stoppedBy(Exception failure) {
        System.err.println("error: " + of(failure));
        return 130;
    }
}
