package org.convergence4j.sections;

import java.util.List;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import picocli.CommandLine.Command;

/**
 * Part 4 of the seminar: every variant compared ({@link Studies#PART4}). Reuses the stored runs of Parts 2 and 3,
 * trains only the missing ones, and writes {@code <out>/part4-comparison/} and its write-up.
 */
@Command(name = "part4-comparison", mixinStandardHelpOptions = true,
        description = "Compares all variants, training only the runs not stored yet.")
public final class Part4Comparison extends TrainingSection {

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Part4Comparison(), args);
    }

    @Override
    List<Study> reference() {
        return List.of(Studies.PART4);
    }
}
