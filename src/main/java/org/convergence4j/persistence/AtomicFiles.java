package org.convergence4j.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.convergence4j.backend.ProcessOwner;

/**
 * Writes result files atomically: the content goes to a temporary file {@code .<name>.<n>.<owner>.tmp} in the same
 * directory ({@code <owner>} is the writing process, {@link ProcessOwner#fileToken()}: pid, start and host), which is
 * then renamed over the target. A reader (or a run killed mid-way) therefore sees either the previous complete file or
 * the new complete file, never a half-written one. A kill can leave the temporary file behind;
 * {@link #removeStaleTemporaries} deletes those whose process has ended on this host, and those of any host older than
 * {@link #TEMPORARY_EXPIRY}, so that a process starting on a shared folder never deletes a file another machine is
 * writing.
 */
public final class AtomicFiles {

    /**
     * How old a temporary file of another host (or of an earlier version, whose names give no host) must be before
     * it is deleted as abandoned: a temporary file is written in seconds (the largest, a network of 10 MB, over NFS
     * too), so an hour-old one has no writer left.
     */
    public static final Duration TEMPORARY_EXPIRY = Duration.ofHours(1);

    /** {@code .<target name>.<counter>.<owner token>.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("^\\..+\\.\\d+\\.([^.@]+@[A-Za-z0-9._-]+)\\.tmp$");
    /** {@code .<target name>.<pid>-<counter>.tmp}, as earlier versions named them, without the host. */
    private static final Pattern EARLIER_TEMPORARY = Pattern.compile("^\\..+\\.\\d+-\\d+\\.tmp$");
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Writes bytes produced by a callback; the target is replaced only if the callback succeeds. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole file content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} with the UTF-8 encoding of {@code text}. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Atomically replaces {@code target} with what {@code content} writes, creating parent directories as needed.
     * On any failure the temporary file is deleted and {@code target} is left untouched.
     *
     * @throws UncheckedIOException naming the target when the directory is not writable or the callback fails
     */
    public static void write(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = temporary(target.toAbsolutePath());
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
                content.writeTo(out);
            }
            move(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** A new temporary file's name for {@code target}, beside it, owned by this process. */
    static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + COUNTER.incrementAndGet() + "."
                + ProcessOwner.current().fileToken() + ".tmp");
    }

    /**
     * Deletes the temporary files that writers killed mid-way left under {@code root} (up to three folders deep):
     * those of processes of this host that have ended ({@link ProcessOwner#endedOnThisHost()}), and those of any host
     * not modified for {@link #TEMPORARY_EXPIRY}. Another host's recent temporary file may be in progress and stays.
     *
     * @return the files deleted
     */
    public static List<Path> removeStaleTemporaries(Path root) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        try (Stream<Path> files = Files.find(root, 4, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().endsWith(".tmp"))) {
            for (Path p : files.toList()) {
                if (abandoned(p)) {
                    Files.deleteIfExists(p);
                    removed.add(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Leftovers are harmless; failing to tidy them must not stop a run.
        }
        return removed;
    }

    /** Whether {@code file} is a temporary file whose writer is gone: ended on this host, or silent for too long. */
    private static boolean abandoned(Path file) {
        String name = file.getFileName().toString();
        Matcher m = TEMPORARY.matcher(name);
        boolean ours = m.matches();
        if (!ours && !EARLIER_TEMPORARY.matcher(name).matches()) {
            return false; // not a temporary file of this project
        }
        if (ours && ProcessOwner.ofFileToken(m.group(1)).map(ProcessOwner::endedOnThisHost).orElse(false)) {
            return true;
        }
        return ProcessOwner.age(file).map(a -> a.compareTo(TEMPORARY_EXPIRY) > 0).orElse(false);
    }

    /** A short reason for an I/O failure: the JDK's exception names only the path for many of them. */
    static String describe(IOException e) {
        String kind = switch (e.getClass().getSimpleName()) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "a folder on the path does not exist";
            case "FileSystemException" -> "the file system refused";
            case "NotDirectoryException", "FileAlreadyExistsException" -> "a file stands where a folder is needed";
            default -> e.getClass().getSimpleName();
        };
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return kind + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // The original failure is the one worth reporting.
        }
    }
}
