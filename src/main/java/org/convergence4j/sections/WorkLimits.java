package org.convergence4j.sections;

import java.util.List;
import java.util.Locale;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.study.Study;
import picocli.CommandLine;

/**
 * The most work one command accepts, checked before anything is built for it: option values beyond these used to
 * allocate their lists until the heap ran out ({@code --seeds 2147483647}) or to start runs that no machine finishes
 * ({@code --epochs 2147483647}, an estimated 1.2 million hours). The bounds are far above any study of the seminar's
 * kind and far below what breaks: DL4J counts a run's iterations in an {@code int}, and at most
 * {@value #MAX_EPOCHS} epochs of the largest training set the IDX reader accepts (2³¹ bytes of 28×28 images, 21 400
 * batches of 128) stay below 2³¹ iterations.
 */
final class WorkLimits {

    /**
     * Runs (distinct variant and seed pairs) of one command: every run's configuration is hashed and its record kept
     * in memory, and at the TestNetwork's ≈ 3½ min per run, 10 000 runs are about 600 core-hours, a cluster's day.
     */
    static final int MAX_RUNS = 10_000;
    /**
     * Epochs of one run: a record and the summary hold one entry per epoch, and at the TestNetwork's ≈ 10 s per epoch
     * 10 000 epochs are more than a day per run (the seminar trains 20).
     */
    static final int MAX_EPOCHS = 10_000;

    private WorkLimits() {
    }

    /** @throws CommandLine.ParameterException naming the option and the limit if {@code epochs} is beyond it */
    static void checkEpochs(CommandLine commandLine, Integer epochs) {
        if (epochs != null && epochs > MAX_EPOCHS) {
            throw new CommandLine.ParameterException(commandLine, String.format(Locale.ROOT, "--epochs %d is more "
                    + "than the %,d epochs a run may train; choose --epochs 1-%d", epochs, MAX_EPOCHS, MAX_EPOCHS));
        }
    }

    /**
     * Refuses a seed count that alone asks for more runs than {@link #MAX_RUNS}, before its seeds are listed.
     *
     * @throws CommandLine.ParameterException naming the option and the limit
     */
    static void checkSeeds(CommandLine commandLine, Integer seeds) {
        if (seeds != null && seeds > MAX_RUNS) {
            throw new CommandLine.ParameterException(commandLine, String.format(Locale.ROOT, "--seeds %d asks for at "
                    + "least %,d runs, more than the %,d one command trains; choose fewer seeds", seeds, (long) seeds,
                    MAX_RUNS));
        }
    }

    /**
     * Refuses studies whose runs together are more than {@link #MAX_RUNS}.
     *
     * @throws CommandLine.ParameterException naming the count, the limit and the fix
     */
    static void checkRuns(CommandLine commandLine, List<Study> studies) {
        long runs = studies.stream().filter(Study::trains).flatMap(s -> s.runs().stream()).distinct().count();
        if (runs > MAX_RUNS) {
            throw new CommandLine.ParameterException(commandLine, String.format(Locale.ROOT, "these options ask for "
                    + "%,d runs (seeds × variants over %s), more than the %,d one command trains; choose fewer "
                    + "--seeds or --variants", runs, String.join(", ", studies.stream().filter(Study::trains)
                            .map(Study::name).toList()), MAX_RUNS));
        }
    }

    /**
     * Refuses a Part 1 seed count whose measurements (each seed probes every initialization's net) are more than
     * {@link #MAX_RUNS}.
     *
     * @throws CommandLine.ParameterException naming the option and the largest count allowed
     */
    static void checkPart1Seeds(CommandLine commandLine, int seeds) {
        int nets = InitConfiguration.values().length;
        if ((long) seeds * nets > MAX_RUNS) {
            throw new CommandLine.ParameterException(commandLine, String.format(Locale.ROOT, "--seeds %d asks for "
                    + "%,d measurements (%d nets per seed), more than the %,d one command makes; choose --seeds 2-%d",
                    seeds, (long) seeds * nets, nets, MAX_RUNS, MAX_RUNS / nets));
        }
    }
}
