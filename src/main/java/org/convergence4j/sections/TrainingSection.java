package org.convergence4j.sections;

import java.util.List;
import java.util.concurrent.Callable;
import org.convergence4j.models.Head;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.StopSignal;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A section that trains some rows of the variant registry on the TestNetwork: Ctrl-C stops after
 * the current batch, finished runs are kept, and a rerun continues where it stopped.
 */
abstract class TrainingSection implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ExperimentOptions experiment;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The variants this section trains. */
    abstract List<Head> heads();

    /** Work before the runs; nothing by default. */
    void before(Experiment e) throws Exception {
    }

    /** Work after the runs, e.g. the comparison; nothing by default. */
    void after(Experiment e, List<RunRecord> runs) throws Exception {
    }

    @Override
    public final Integer call() throws Exception {
        experiment.validate(spec.commandLine());
        common.validate(spec.commandLine(), experiment.defaultOut());
        StopSignal stop = StopSignal.onCtrlC();
        try {
            Experiment e = Experiment.prepare(common, experiment, stop, System.out);
            before(e);
            List<RunRecord> runs = e.run(heads());
            e.printFinal(heads(), runs);
            if (stop.isRequested()) {
                System.out.println("stopped: finished runs are stored; run the same command again to continue");
                return 130;
            }
            after(e, runs);
            return 0;
        } finally {
            stop.finished();
        }
    }
}
