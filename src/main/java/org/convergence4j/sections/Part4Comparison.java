package org.convergence4j.sections;

import java.util.List;
import org.convergence4j.models.Head;
import org.convergence4j.models.Heads;
import org.convergence4j.report.NotebookWriter;
import org.convergence4j.train.RunRecord;
import picocli.CommandLine.Command;

/**
 * Part 4 of the seminar: every variant compared. Reuses the stored runs of Parts 2 and 3, trains
 * only the missing ones, and writes {@code <out>/part4-comparison/}.
 */
@Command(name = "part4-comparison", mixinStandardHelpOptions = true,
        description = "Compares all variants, training only the runs not stored yet.")
public class Part4Comparison extends TrainingSection {

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Part4Comparison(), args);
    }

    @Override
    List<Head> heads() {
        return Heads.all();
    }

    @Override
    void after(Experiment e, List<RunRecord> runs) throws Exception {
        Part4Report.run(e.root());
        NotebookWriter.write(e.root(), e.notebooks());
        System.out.println("wrote " + e.root().resolve("part4-comparison") + " and " + e.notebooks());
    }
}
