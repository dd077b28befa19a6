package org.convergence4j.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.convergence4j.backend.NativeBuild;

/**
 * Runs a command to completion and returns the last line of its standard output that starts with {@code &#123;},
 * the JSON line every benchmark child prints. Standard error is kept to explain a failure.
 */
final class ChildProcess {

    /** Longest a benchmark child may run: generous for a few hundred steps on a loaded machine. */
    static final long TIMEOUT_SECONDS = 1800;

    /**
     * JVM options that keep a single-threaded child on one core (docs/PERFORMANCE.md, "One core"): the C1 compiler
     * only, whose code trains as fast here (the time is in native code) while C2 kept the second core busy for
     * thousands of steps, and the serial collector instead of G1's parallel and concurrent GC threads. Each is
     * left out when this JVM chooses its own compiler or collector; {@code .mvn/jvm.config} gives them to
     * {@code mvn exec:java} too.
     */
    static final List<String> ONE_CORE_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildProcess() {
    }

    /**
     * The command that runs {@code mainClass} in a new JVM with this JVM's classpath and memory, system-property and
     * {@code -XX} options ({@code -Xmx} given to the parent reaches the children; debugging and profiling agents do
     * not), after the {@link #ONE_CORE_OPTIONS} this JVM does not override, loading {@code build}.
     *
     * @param build the native build the child loads ({@link NativeBuild#jvmOption()}): the one this JVM selected, or
     *     another to compare them
     */
    static List<String> java(String mainClass, List<String> args, NativeBuild build) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-X") || option.startsWith("-D"))
                .filter(option -> !option.startsWith("-D" + NativeBuild.EXTENSION_PROPERTY + "="))
                .toList();
        for (String option : ONE_CORE_OPTIONS) {
            if (inherited.stream().noneMatch(own -> sameChoice(own, option))) {
                command.add(option);
            }
        }
        command.addAll(inherited);
        command.add(build.jvmOption());
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Whether two {@code -XX} options choose the same thing: the collector, or the JIT compilers. */
    static boolean sameChoice(String option, String other) {
        return isCollector(option) && isCollector(other) || isCompiler(option) && isCompiler(other);
    }

    private static boolean isCollector(String option) {
        return option.matches("-XX:[+-]Use\\w*GC");
    }

    private static boolean isCompiler(String option) {
        return option.startsWith("-XX:TieredStopAtLevel") || option.matches("-XX:[+-]TieredCompilation");
    }

    /**
     * This program's classpath. Under {@code mvn exec:java} the project's classes and dependencies are not on
     * {@code java.class.path} (that is Maven's own launcher) but in the URL class loader exec:java builds, so the
     * loaders of this class are asked first.
     */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = ChildProcess.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: entry; a child JVM could not use it either
                    }
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }

    /**
     * Runs {@code command} with {@code extraEnv} added to this process's environment.
     *
     * @param label names the child in errors, e.g. {@code DL4J baseline}
     * @throws IllegalStateException with the label, exit code and the tail of the child's output if it fails,
     *                               prints no JSON line, or runs longer than {@code timeoutSeconds}
     */
    static String jsonLine(String label, List<String> command, Map<String, String> extraEnv, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(extraEnv);
        Path stderr = null;
        try {
            // Standard error goes to a file, so a chatty child cannot block on a full pipe while stdout is read.
            stderr = Files.createTempFile("convergence4j-bench", ".err");
            builder.redirectError(stderr.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            String stdout;
            try (InputStream in = process.getInputStream()) {
                stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(label + " timed out after " + timeoutSeconds + " s");
            }
            String json = stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
            if (process.exitValue() != 0 || json == null) {
                throw new IllegalStateException(String.format("%s exited with %d%s; its last output:%n%s", label,
                        process.exitValue(), json == null ? " without a JSON line" : "",
                        tail(Files.readString(stderr) + stdout, 15)));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + label + " (" + command.get(0) + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + label, e);
        } finally {
            if (stderr != null) {
                stderr.toFile().delete();
            }
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
