package org.convergence4j.sections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.convergence4j.backend.NativeBuild;

/**
 * A section's Main in a JVM of its own, for tests that send it signals: its standard output and error are
 * collected line by line, and {@link #awaitLine} waits until a chosen point of the program is reached.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code args} in {@code dir}, with {@code env} added to this environment (a
     * variable mapped to the empty string is removed).
     */
    static ChildJvm start(Class<?> mainClass, Path dir, Map<String, String> env, String... args) {
        return start(List.of(), mainClass, dir, env, args);
    }

    /**
     * As {@link #start(Class, Path, Map, String...)}, run by {@code prefix}, a command that runs the rest of its
     * arguments (e.g. {@code capsh --drop=… --} to start it without some of root's powers).
     */
    static ChildJvm start(List<String> prefix, Class<?> mainClass, Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        command.add(NativeBuild.selected().jvmOption()); // the build the tests run on, so both compute alike
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        env.forEach((k, v) -> {
            if (v.isEmpty()) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        try {
            Process p = builder.start();
            p.getOutputStream().close();
            return new ChildJvm(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to {@code seconds} for a line matching {@code wanted}. @throws AssertionError with the output if none */
    String awaitLine(Predicate<String> wanted, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                    throw new AssertionError("no such line within " + seconds + " s; output:\n" + output());
                }
                lines.wait(Math.min(left, 200));
            }
        }
    }

    /** Sends SIGINT, as Ctrl-C does. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    }

    /** Sends SIGKILL to the JVM alone, as {@code kill -9} does: it ends at once, without shutdown hooks. */
    void killNine() {
        process.destroyForcibly();
    }

    /** Waits for the exit; returns its code. @throws AssertionError with the output if it takes longer than {@code seconds} */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + seconds + " s; output:\n" + output());
        }
        Thread.sleep(100); // the reader's last lines
        return process.exitValue();
    }

    /** Everything printed so far. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
