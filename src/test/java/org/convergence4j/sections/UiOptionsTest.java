package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.ui.Http;
import org.convergence4j.ui.StatsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ui}, {@code --ui-port} and {@code --stats} of the training sections, on one short Baseline run. */
class UiOptionsTest {

    /** 1 epoch on 10 000 training examples (79 iterations), one seed. */
    private static final String[] TINY = {"--quick", "--epochs", "1", "--seeds", "1", "--variants", "Baseline",
        "--jobs", "1"};

    @TempDir
    Path dir;

    /** Runs Part2Dropout with stdout and stderr captured; returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(new Part2Dropout(), args);
            return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private String[] tiny(String... more) {
        String[] args = new String[TINY.length + 2 + more.length];
        System.arraycopy(TINY, 0, args, 0, TINY.length);
        args[TINY.length] = "--out";
        args[TINY.length + 1] = dir.resolve("results").toString();
        System.arraycopy(more, 0, args, TINY.length + 2, more.length);
        return args;
    }

    private static void assertUsageError(Object[] result, String expected) {
        assertEquals(2, result[0], "stderr: " + result[2]);
        String err = ((String) result[2]).strip();
        assertEquals(1, err.lines().count(), "one line expected, got: " + err);
        assertTrue(err.contains(expected), err);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertUsageError(run(tiny("--ui", "--ui-port", "70000")), "--ui-port must be 1–65535, got 70000");
        assertUsageError(run(tiny("--ui", "--ui-port", "0")), "--ui-port must be 1–65535, got 0");
    }

    @Test
    void aTakenPortIsAUsageErrorNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertUsageError(run(tiny("--ui", "--ui-port", String.valueOf(port))),
                    "--ui-port port " + port + " is taken");
        }
    }

    @Test
    void aPortWithoutTheUiOrTheUiWithoutTrainingIsAUsageError() {
        assertUsageError(run(tiny("--ui-port", "9001")), "--ui-port 9001 without --ui; add --ui");
        assertUsageError(run(tiny("--ui", "--report-only")), "--ui with --report-only");
        assertUsageError(run(tiny("--stats", dir.resolve("s.dl4j").toString(), "--report-only")),
                "--stats with --report-only");
    }

    @Test
    void anExistingStatsFileIsAUsageErrorAndKept() throws IOException {
        Path existing = Files.writeString(dir.resolve("runs.dl4j"), "earlier");
        assertUsageError(run(tiny("--stats", existing.toString())), "--stats " + existing + " exists; give a new file");
        assertEquals("earlier", Files.readString(existing));
        assertUsageError(run(tiny("--stats", existing.resolve("runs.dl4j").toString())),
                "--stats " + existing.resolve("runs.dl4j") + " cannot be created");
    }

    @Test
    void statsRecordsTheTrainedRunAndTheUiServesItUntilInterrupted() throws Exception {
        MnistFixture.mnist(); // skips, saying why, where MNIST cannot be had
        Path stats = dir.resolve("runs.dl4j");
        Object[] recorded = run(tiny("--stats", stats.toString()));
        assertEquals(0, recorded[0], "stderr: " + recorded[2]);
        assertTrue(((String) recorded[1]).contains("wrote the statistics of 1 run(s) to " + stats), (String) recorded[1]);
        try (StatsFiles files = StatsFiles.open(List.of(stats))) {
            assertEquals(List.of("Baseline seed 1"), List.copyOf(files.sessions().keySet()));
        }

        // Retrained (--force), served after training until the section's thread is interrupted, as Ctrl-C would.
        int port = freePort();
        StringBuffer console = new StringBuffer();
        AtomicInteger code = new AtomicInteger(-1);
        PrintStream out = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.append((char) b);
            }
        }, true, StandardCharsets.ISO_8859_1));
        Thread section = new Thread(() -> code.set(Cli.run(new Part2Dropout(),
                tiny("--force", "--ui", "--ui-port", String.valueOf(port)))));
        try {
            section.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!console.toString().contains("keeps serving") && section.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(console.toString().contains("DL4J training UI: http://localhost:" + port + "/train/overview"),
                    console.toString());
            assertTrue(console.toString().contains("keeps serving 1 run(s) at http://localhost:" + port
                    + "/train/overview until Ctrl-C"), console.toString());
            Http.awaitSession(port, "Baseline seed 1");
        } finally {
            section.interrupt();
            section.join(Duration.ofMinutes(1).toMillis());
            System.setOut(out);
        }
        assertEquals(0, code.get(), console.toString());
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort(), "the UI's port is free again");
        }
    }
}
