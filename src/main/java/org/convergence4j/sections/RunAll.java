package org.convergence4j.sections;

import java.util.List;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import picocli.CommandLine.Command;

/**
 * The whole reproduction in one command: the seminar's four studies and Part 1's trained nets
 * ({@link Studies#SEMINAR}): Part 1 (initialization, on MNIST), then every run of Part 1's trained nets and of
 * Parts 2–4 (each (variant, seed) once, reusing stored runs), then every study's outputs and write-up.
 */
@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = "Regenerates results/ (all four parts of the seminar, and Part 1's nets trained), resuming "
                + "finished runs.")
public final class RunAll extends TrainingSection {

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new RunAll(), args);
    }

    @Override
    List<Study> reference() {
        return Studies.SEMINAR;
    }
}
