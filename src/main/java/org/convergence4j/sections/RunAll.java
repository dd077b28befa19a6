package org.convergence4j.sections;

import java.nio.file.Path;
import org.convergence4j.data.ImageDataset;
import org.nd4j.linalg.dataset.DataSet;
import picocli.CommandLine.Command;

/**
 * The whole reproduction in one command: Part 1 (initialization, on MNIST), then every variant of
 * Parts 2–3 (reusing stored runs) and the Part 4 comparison.
 */
@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = "Regenerates results/ (all four parts of the seminar), resuming finished runs.")
public final class RunAll extends Part4Comparison {

    /** Initialization seeds of Part 1. */
    static final int PART1_SEEDS = 10;

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new RunAll(), args);
    }

    @Override
    void before(Experiment e) {
        if (!e.settings().dataset().equals("mnist") || experiment.reportOnly) {
            return;
        }
        ImageDataset batch = e.data().train().sample(Part1Initialization.BATCH, 1);
        Path dir = e.root().resolve("part1-initialization");
        Part1Report.run(new DataSet(batch.features(), batch.labels()), dir, PART1_SEEDS);
        System.out.println("wrote " + dir);
    }
}
