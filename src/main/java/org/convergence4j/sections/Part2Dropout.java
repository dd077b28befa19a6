package org.convergence4j.sections;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convergence4j.data.Mnist;
import org.convergence4j.data.MnistProvisioner;
import org.convergence4j.models.Head;
import org.convergence4j.models.Heads;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.plot.TrainingCurves;
import org.convergence4j.report.HistoryCsv;
import org.convergence4j.train.ConsoleProgress;
import org.convergence4j.train.HeadRun;
import org.convergence4j.train.RunConfig;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * Part 2 of the seminar: the TestNetwork heads Baseline, Dropout and DropConnect trained on MNIST.
 * Writes {@code <out>/part2-dropout/<variant>.csv} and {@code <variant>.png} per variant.
 */
@Command(name = "part2-dropout", mixinStandardHelpOptions = true,
        description = "Trains the TestNetwork Baseline head on MNIST and writes its history and curves.")
public final class Part2Dropout implements Callable<Integer> {

    @Mixin
    private CommonOptions options;

    @Mixin
    private TrainingOptions training;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Part2Dropout(), args);
    }

    @Override
    public Integer call() throws Exception {
        training.validate(spec.commandLine());
        options.validate(spec.commandLine());
        Path dir = options.out.resolve("part2-dropout");
        StopSignal stop = StopSignal.onCtrlC();
        try {
            Path dataDir = options.mnistDir();
            System.out.println("MNIST: " + dataDir);
            Mnist mnist = Mnist.load(dataDir, new MnistProvisioner());
            RunConfig config = RunConfig.seminar(training.seed).withEpochs(training.epochs);
            Head head = Heads.BASELINE;
            Trainer trainer = new Trainer(new ConsoleProgress(head.name(), System.out), stop);
            HeadRun.Result result = HeadRun.run(head, TestNetwork.PYTORCH_DEFAULT, mnist.train(),
                    mnist.test(), config, trainer);
            String stem = head.name().toLowerCase(Locale.ROOT);
            HistoryCsv.write(dir.resolve(stem + ".csv"), result.history());
            if (!result.history().epochs().isEmpty()) {
                TrainingCurves.save(dir.resolve(stem + ".png"), head.name(), result.history().epochs());
            }
            System.out.println("wrote " + dir.resolve(stem + ".csv") + (result.history().stoppedEarly()
                    ? " (stopped early: " + result.history().epochs().size() + " epochs kept)" : ""));
            return 0;
        } finally {
            stop.finished();
        }
    }
}
