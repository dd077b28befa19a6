package org.convergence4j.backend;

import java.io.PrintStream;

/**
 * Keeps SameDiff's graph-building chatter off the console. In 1.0.0-M2.1 {@code SameDiff.createGradFunction} prints
 * {@code Added differentiated op <name>} with {@code System.out.println} for every op of a graph it differentiates
 * (dozens per custom layer), whatever the log level; this standard output drops exactly those lines.
 */
public final class SameDiffChatter extends PrintStream {

    /** The start of the line SameDiff prints per differentiated op. */
    static final String PREFIX = "Added differentiated op ";

    private SameDiffChatter(PrintStream out) {
        super(out, true);
    }

    /** Replaces {@code System.out} with a stream that passes everything but SameDiff's chatter (once). */
    public static synchronized void silence() {
        if (!(System.out instanceof SameDiffChatter)) {
            System.setOut(new SameDiffChatter(System.out));
        }
    }

    @Override
    public void println(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            super.println(line);
        }
    }
}
