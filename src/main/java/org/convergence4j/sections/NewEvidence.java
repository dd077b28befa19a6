package org.convergence4j.sections;

import java.util.List;
import java.util.stream.Stream;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import picocli.CommandLine.Command;

/**
 * The new evidence on the seminar's conclusions ({@link Studies#EVIDENCE}): the models as the notebook ran them,
 * Fashion-MNIST, Adam at 3e-4 and 3e-3, each judged by the analysis plan, with Part 4 as the verdicts as intended.
 * Trains every missing run (each dataset with its own images; about 130 runs, hours on two cores), resumes after
 * any stop, and writes each study's folder and the write-ups {@code New-evidence.md} and {@code Fashion-MNIST.md}
 * (Fashion-MNIST's own, beside MNIST's verdicts). The studies join the main command ({@link Studies#RESULTS}) once
 * their runs are committed.
 */
@Command(name = "new-evidence", mixinStandardHelpOptions = true,
        description = "Trains and judges the new evidence: the notebook's models as it ran them, Fashion-MNIST, and "
                + "Adam at 3e-4 and 3e-3 (hours on two cores; resumes).")
public final class NewEvidence extends TrainingSection {

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new NewEvidence(), args);
    }

    @Override
    List<Study> reference() {
        return Stream.concat(Stream.of(Studies.PART4), Studies.EVIDENCE.stream()).toList();
    }
}
