package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One command line run in this JVM ({@link Cli#run}) with its console captured: the exit code, standard output and
 * standard error.
 */
record CliRun(int code, String out, String err) {

    /** Runs {@code command} on {@code args} with {@code System.out} and {@code System.err} captured. */
    static CliRun of(Object command, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(command, args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /** The line of standard error that starts with {@code error:}, or "" without one; more than one is a failure. */
    String errorLine() {
        List<String> errors = err.lines().filter(l -> l.startsWith("error:")).toList();
        assertTrue(errors.size() <= 1, "one error line: " + errors);
        return errors.isEmpty() ? "" : errors.get(0);
    }

    /** A usage error: exit code 2 and one line of standard error that contains {@code expected}. */
    void assertUsageError(String expected) {
        assertEquals(2, code, () -> "stderr: " + err);
        String line = err.strip();
        assertEquals(1, line.lines().count(), "one line expected, got: " + line);
        assertTrue(line.contains(expected), line);
    }
}
