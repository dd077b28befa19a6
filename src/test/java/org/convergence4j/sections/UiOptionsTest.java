package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static CliRun run(String... args) {
        return CliRun.of(new Part2Dropout(), args);
    }

    private String[] tiny(String... more) {
        String[] args = new String[TINY.length + 2 + more.length];
        System.arraycopy(TINY, 0, args, 0, TINY.length);
        args[TINY.length] = "--out";
        args[TINY.length + 1] = dir.resolve("results").toString();
        System.arraycopy(more, 0, args, TINY.length + 2, more.length);
        return args;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        run(tiny("--ui", "--ui-port", "70000")).assertUsageError("--ui-port must be 1–65535, got 70000");
        run(tiny("--ui", "--ui-port", "0")).assertUsageError("--ui-port must be 1–65535, got 0");
    }

    @Test
    void aTakenPortIsAUsageErrorNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            run(tiny("--ui", "--ui-port", String.valueOf(port))).assertUsageError("--ui-port port " + port + " is taken");
        }
    }

    @Test
    void aPortWithoutTheUiOrTheUiWithoutTrainingIsAUsageError() {
        run(tiny("--ui-port", "9001")).assertUsageError("--ui-port 9001 without --ui; add --ui");
        run(tiny("--ui", "--report-only")).assertUsageError("--ui with --report-only");
        run(tiny("--stats", dir.resolve("s.dl4j").toString(), "--report-only"))
                .assertUsageError("--stats with --report-only");
    }

    @Test
    void anExistingStatsFileIsAUsageErrorAndKept() throws IOException {
        Path existing = Files.writeString(dir.resolve("runs.dl4j"), "earlier");
        run(tiny("--stats", existing.toString())).assertUsageError("--stats " + existing + " exists; give a new file");
        assertEquals("earlier", Files.readString(existing));
        run(tiny("--stats", existing.resolve("runs.dl4j").toString()))
                .assertUsageError("--stats " + existing.resolve("runs.dl4j") + " cannot be created");
    }

    @Test
    void statsRecordsTheTrainedRunAndTheUiServesItUntilInterrupted() throws Exception {
        MnistFixture.mnist(); // skips, saying why, where MNIST cannot be had
        Path stats = dir.resolve("runs.dl4j");
        CliRun recorded = run(tiny("--stats", stats.toString()));
        assertEquals(0, recorded.code(), "stderr: " + recorded.err());
        assertTrue(recorded.out().contains("wrote the statistics of 1 run(s) to " + stats), recorded.out());
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
