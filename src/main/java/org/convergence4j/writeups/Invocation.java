package org.convergence4j.writeups;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The commands a write-up prints: the exact one that wrote its results folder, and the one that regenerates the
 * whole reproduction at the same settings.
 *
 * @param command the exact command, e.g. {@code mvn -B -q compile exec:java -Dexec.args="--epochs 2"}
 * @param all the whole reproduction at the same settings
 */
public record Invocation(String command, String all) {

    /** The Main that {@code mvn exec:java} runs without {@code -Dexec.mainClass}. */
    public static final String DEFAULT_MAIN = "org.convergence4j.sections.RunAll";

    /**
     * The Maven command that runs {@code mainClass} with {@code args}, e.g.
     * {@code mvn -B -q compile exec:java -Dexec.mainClass=org.convergence4j.sections.Part2Dropout
     * -Dexec.args="--epochs 2"}; an argument with spaces or quotes is single-quoted.
     */
    public static String maven(String mainClass, List<String> args) {
        String main = mainClass.equals(DEFAULT_MAIN) ? "" : " -Dexec.mainClass=" + mainClass;
        String joined = args.stream().map(Invocation::quoted).collect(Collectors.joining(" "));
        return "mvn -B -q compile exec:java" + main + (args.isEmpty() ? "" : " -Dexec.args=\"" + joined + "\"");
    }

    private static String quoted(String arg) {
        return arg.isEmpty() || arg.matches(".*[\\s'\"].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg;
    }
}
