package org.convergence4j.sections;

import org.convergence4j.backend.NativeBuild;
import org.convergence4j.backend.NativeThreads;
import org.convergence4j.backend.SameDiffChatter;
import picocli.CommandLine;

/**
 * Runs a section's command: usage errors (unknown option, bad value) print one line and exit
 * with code 2; failures while running print the cause without a stack trace and exit with 1.
 */
final class Cli {

    private Cli() {
    }

    /** Parses {@code args}, runs {@code command}, and exits the JVM with its code. */
    static void exit(Object command, String... args) {
        System.exit(run(command, args));
    }

    /** Parses {@code args} and runs {@code command}; returns 0, 1 (failure) or 2 (usage error). */
    static int run(Object command, String... args) {
        NativeBuild.select();
        NativeThreads.useOne();
        SameDiffChatter.silence();
        CommandLine commandLine = new CommandLine(command)
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
                    return CommandLine.ExitCode.USAGE;
                })
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    cl.getErr().println("error: " + FailureMessage.of(e));
                    return CommandLine.ExitCode.SOFTWARE;
                });
        return commandLine.execute(args);
    }
}
