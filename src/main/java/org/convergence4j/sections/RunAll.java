package org.convergence4j.sections;

import java.util.List;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import picocli.CommandLine.Command;

/**
 * The whole of {@code results/} in one command ({@link Studies#RESULTS}): the seminar's four studies, Part 1's
 * trained nets and the sweep, then the studies of new evidence whose runs are committed: Part 1 (initialization,
 * on MNIST), then every run (each (variant, seed) once, reusing stored runs), then every study's outputs and
 * write-up.
 */
@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = "Regenerates results/ (all four parts of the seminar, Part 1's nets trained, the sweep and "
                + "the committed new evidence), resuming finished runs.")
public final class RunAll extends TrainingSection {

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new RunAll(), args);
    }

    @Override
    List<Study> reference() {
        return Studies.RESULTS;
    }
}
