package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.convergence4j.models.Variants;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.TrainingSettings;
import org.convergence4j.ui.FewIterations;
import org.convergence4j.ui.Http;
import org.convergence4j.ui.StatsRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(new Dashboard(), args);
    }

    @Test
    void filesThatCannotBeServedAndBadPortsAreUsageErrors() throws IOException {
        run().assertUsageError("Missing required parameter");
        Path missing = dir.resolve("missing.dl4j");
        run(missing.toString()).assertUsageError(missing + ": no such file; give a file written by --stats");
        Path text = Files.writeString(dir.resolve("notes.txt"), "notes\n".repeat(100));
        run(text.toString()).assertUsageError(text + " cannot be opened: it is not a DL4J statistics file");
        run("--port", "65536", text.toString()).assertUsageError("--port must be 1–65535, got 65536");
    }

    @Test
    void aRecordedFileIsServedUntilInterrupted() throws Exception {
        Path file = dir.resolve("runs.dl4j");
        RunSpec spec = new RunSpec(Variants.BASELINE.defaults(), FewIterations.SEED,
                new TrainingSettings("mnist", 1, 1e-3, FewIterations.BATCH, 0));
        try (StatsRecorder recorder = StatsRecorder.toFile(file, StatsRecorder.DEFAULT_EVERY)) {
            FewIterations.train(recorder.forRun(spec));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringBuffer console = new StringBuffer();
        AtomicInteger code = new AtomicInteger(-1);
        PrintStream out = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.append((char) b);
            }
        }, true, StandardCharsets.ISO_8859_1));
        int served = port;
        Thread dashboard = new Thread(() -> code.set(Cli.run(new Dashboard(), "--port", String.valueOf(served),
                file.toString())));
        try {
            dashboard.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!console.toString().contains("until Ctrl-C") && dashboard.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(console.toString().contains(spec.label() + " (" + file + ")"), console.toString());
            assertTrue(console.toString().contains("DL4J training UI: http://localhost:" + port
                    + "/train/overview serves these 1 run(s)"), console.toString());
            Http.awaitSession(port, spec.label());
        } finally {
            dashboard.interrupt();
            dashboard.join(Duration.ofMinutes(1).toMillis());
            System.setOut(out);
        }
        assertEquals(0, code.get(), console.toString());
    }
}
