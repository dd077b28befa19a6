package org.convergence4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch reference script, {@code reference/pytorch/reference.py}, run by the interpreter that has Debian's
 * {@code python3-torch}: {@code /usr/bin/python3} unless the environment variable {@value #PYTHON_ENV} names
 * another. See {@code reference/pytorch/README.md} for the installation.
 *
 * @param python the interpreter
 * @param script the reference script
 */
public record PytorchReference(Path python, Path script) {

    /** Environment variable that overrides the interpreter. */
    public static final String PYTHON_ENV = "CONVERGENCE4J_PYTHON";
    /** The script, relative to the project's root. */
    public static final Path SCRIPT = Path.of("reference", "pytorch", "reference.py");

    private static final long CHECK_SECONDS = 60;

    /** The interpreter from {@value #PYTHON_ENV} or {@code /usr/bin/python3}, and the script under {@code projectDir}. */
    public static PytorchReference locate(Path projectDir, Map<String, String> env) {
        String python = env.getOrDefault(PYTHON_ENV, "");
        return new PytorchReference(Path.of(python.isBlank() ? "/usr/bin/python3" : python),
                projectDir.resolve(SCRIPT));
    }

    /**
     * Why the reference cannot run here, or empty if it can: the script is missing, the interpreter is missing, or
     * it cannot {@code import torch}.
     */
    public Optional<String> unavailableReason() {
        if (!Files.isRegularFile(script)) {
            return Optional.of("the PyTorch reference " + script.toAbsolutePath() + " is missing (run from the project root)");
        }
        if (!Files.isExecutable(python)) {
            return Optional.of(python + " is not installed (apt-get install python3-torch)");
        }
        try {
            Process check = new ProcessBuilder(python.toString(), "-c", "import torch")
                    .redirectErrorStream(true).start();
            check.getOutputStream().close();
            byte[] output = check.getInputStream().readAllBytes();
            if (!check.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return Optional.of(python + " -c 'import torch' did not finish in " + CHECK_SECONDS + " s");
            }
            if (check.exitValue() != 0) {
                String lines = new String(output).strip();
                return Optional.of(python + " cannot import torch (apt-get install python3-torch): "
                        + lines.substring(lines.lastIndexOf('\n') + 1));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot run " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking " + python);
        }
    }

    /**
     * Runs {@code reference.py --bench} in a child process with {@code OMP_NUM_THREADS=threads}: the same batches
     * and the same timed work as {@link TrainingBenchmark}.
     *
     * @param variant the head, as the script names it (e.g. {@code baseline})
     * @throws IllegalStateException with the script's last output if it fails
     */
    public Measurement bench(String variant, int warmup, int steps, long seed, int threads, Path dataDir) {
        List<String> command = List.of(python.toString(), script.toString(), "--variant", variant,
                "--bench", Integer.toString(steps), "--warmup", Integer.toString(warmup), "--seed", Long.toString(seed),
                "--threads", Integer.toString(threads), "--data-dir", dataDir.toString());
        return Measurement.fromJson(ChildProcess.jsonLine("PyTorch " + variant, command,
                Map.of("OMP_NUM_THREADS", Integer.toString(threads)), ChildProcess.TIMEOUT_SECONDS));
    }

    /**
     * Runs {@code reference.py --logits dir}: the script reads the network and input that {@link TorchExport} wrote
     * to {@code dir} and writes the log-probabilities there.
     *
     * @return the log-probabilities, row-major {@code [batch, classes]}
     */
    public float[] logProbabilities(Path dir, long timeoutSeconds) {
        ChildProcess.jsonLine("reference.py --logits",
                List.of(python.toString(), script.toString(), "--logits", dir.toString()),
                Map.of("OMP_NUM_THREADS", "1"), timeoutSeconds);
        try {
            return TorchExport.readFloats(dir.resolve(TorchExport.LOG_PROBS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
