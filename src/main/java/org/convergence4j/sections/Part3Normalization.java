package org.convergence4j.sections;

import java.util.List;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import picocli.CommandLine.Command;

/**
 * Part 3 of the seminar: BatchNorm vs the custom per-example LayerNorm (and RMSNorm, beyond the seminar) on the
 * TestNetwork, over several seeds ({@link Studies#PART3}). Writes {@code <out>/part3-normalization/} as
 * {@link Part2Dropout} does for Part 2.
 */
@Command(name = "part3-normalization", mixinStandardHelpOptions = true,
        description = "Trains BatchNorm, LayerNorm and RMSNorm heads and writes their histories and curves.")
public final class Part3Normalization extends TrainingSection {

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Part3Normalization(), args);
    }

    @Override
    List<Study> reference() {
        return List.of(Studies.PART3);
    }
}
