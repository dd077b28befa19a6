package org.convergence4j.sections;

import java.util.List;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import picocli.CommandLine.Command;

/**
 * Part 2 of the seminar: the TestNetwork variants Baseline, Dropout and DropConnect on MNIST, over several seeds
 * ({@link Studies#PART2}). Writes the run records to {@code <out>/runs/}, per variant the mean curves to
 * {@code <out>/part2-dropout/}, the comparison tables there, {@code <out>/summary.json} and the write-up.
 */
@Command(name = "part2-dropout", mixinStandardHelpOptions = true,
        description = "Trains Baseline, Dropout and DropConnect heads and writes their histories and curves.")
public final class Part2Dropout extends TrainingSection {

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Part2Dropout(), args);
    }

    @Override
    List<Study> reference() {
        return List.of(Studies.PART2);
    }
}
