package org.convergence4j.sections;

import java.util.List;
import org.convergence4j.models.Head;
import org.convergence4j.models.Heads;
import picocli.CommandLine.Command;

/**
 * Part 2 of the seminar: the TestNetwork heads Baseline, Dropout and DropConnect on MNIST, over
 * several seeds. Writes {@code <out>/part2-dropout/}: per run {@code runs/<variant>-seed<k>.csv|json},
 * per variant the mean curves {@code <variant>.csv} and {@code <variant>.png}; and {@code <out>/summary.json}.
 */
@Command(name = "part2-dropout", mixinStandardHelpOptions = true,
        description = "Trains Baseline, Dropout and DropConnect heads and writes their histories and curves.")
public final class Part2Dropout extends TrainingSection {

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Part2Dropout(), args);
    }

    @Override
    List<Head> heads() {
        return Heads.ofPart(2);
    }
}
