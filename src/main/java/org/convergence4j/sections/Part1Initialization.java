package org.convergence4j.sections;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.convergence4j.data.DataDirectory;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.data.Mnist;
import org.convergence4j.data.MnistProvisioner;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.RunStore;
import org.convergence4j.plot.Charts;
import org.convergence4j.probe.NetSummary;
import org.convergence4j.study.InitializationReport;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.study.StudyOutputs;
import org.convergence4j.study.StudyReport;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.StopSignal;
import org.convergence4j.writeups.AnalysisPlan;
import org.convergence4j.writeups.Invocation;
import org.convergence4j.writeups.NotebookWriter;
import org.nd4j.linalg.dataset.DataSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Part 1 of the seminar: per-layer std of activations and gradients of deep MLPs under the
 * seminar's initializations, for one fixed batch of 100 MNIST training images, over several
 * initialization seeds. Writes {@code <out>/part1-initialization/}.
 */
@Command(name = "part1-initialization", mixinStandardHelpOptions = true,
        description = "Measures activation and gradient std through deep MLPs under six initializations.")
public final class Part1Initialization implements Callable<Integer> {

    /** Images in the probe batch, as in the seminar. */
    static final int BATCH = 100;

    @Mixin
    private CommonOptions options;

    @Option(names = "--seeds", paramLabel = "N", description = "Initialization seeds per configuration, ≥ 2 (default: ${DEFAULT-VALUE}).")
    int seeds = Studies.PART1.seeds().size();

    @Option(names = "--batch-seed", paramLabel = "S", description = "Seed that chooses the 100 training images (default: ${DEFAULT-VALUE}).")
    long batchSeed = 1;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Part1Initialization(), args);
    }

    @Override
    public Integer call() throws Exception {
        if (seeds < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds must be ≥ 2 to report a spread, got " + seeds);
        }
        WorkLimits.checkPart1Seeds(spec.commandLine(), seeds);
        Study study = Studies.PART1.withSeeds(Studies.seeds(1, seeds));
        ResultsLayout layout = ResultsLayout.of(options.out(spec.commandLine(),
                study.equals(Studies.PART1) && batchSeed == 1 ? ResultsLayout.REFERENCE : ExperimentOptions.CUSTOM_OUT));
        Path dataDir = options.mnistDir();
        System.out.println("MNIST: " + dataDir);
        Charts.prepareForShutdown();
        StopSignal stop = StopSignal.onCtrlC(System.out);
        try {
            ImageDataset batch = Mnist.read(new MnistProvisioner().ensure(dataDir, DataDirectory.origin(options.dataDir, System.getenv()),
                    stop::isRequested))
                    .train().sample(BATCH, batchSeed);
            Optional<InitializationReport> report = Part1Report.run(new DataSet(batch.features(), batch.labels()),
                    layout, study.folder(), seeds, stop);
            if (report.isEmpty()) {
                System.out.println("stopped: nothing of Part 1 was written; run the same command again");
                return 130;
            }
            report(report.get(), study, layout);
            return 0;
        } catch (IOException | RuntimeException e) {
            if (!stop.isRequested()) {
                throw e;
            }
            return FailureMessage.stoppedBy(e);
        } finally {
            stop.finished();
        }
    }

    /**
     * Prints each net's last std and writes Part 1's write-up, with the section on the trained nets from the runs
     * stored in this folder or the committed ones (their outputs are rewritten from those records; none is trained).
     */
    private void report(InitializationReport report, Study study, ResultsLayout layout) {
        for (NetSummary r : report.nets()) {
            List<Double> forward = r.forwardStd();
            System.out.printf(Locale.ROOT, "%-12s forward std at the last hidden layer %.4g (%s)%n",
                    r.key(), forward.get(forward.size() - 1), r.description());
        }
        List<RunRecord> stored = new RunStore(layout.runs(), System.out)
                .readingAlso(List.of(ResultsLayout.of(ResultsLayout.REFERENCE).runs())).readable();
        Map<Study, StudyReport> training = StudyOutputs.writeAll(List.of(Studies.PART1_TRAINING), stored, layout,
                report.judgement());
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> common = new ArrayList<>();
        if (options.dataDir != null) {
            common.addAll(List.of("--data-dir", options.dataDir.toString()));
        }
        if (options.out != null) {
            common.addAll(List.of("--out", options.out.toString()));
        }
        AnalysisPlan plan = AnalysisPlan.of(List.of(study));
        plan.write(layout);
        NotebookWriter.writeInitialization(study, Optional.of(report),
                Optional.ofNullable(training.get(Studies.PART1_TRAINING)), layout, new Invocation(
                        Invocation.maven(getClass().getName(), args), Invocation.maven(Invocation.DEFAULT_MAIN, common)),
                plan);
        System.out.println("wrote " + layout.study(study.folder()) + " and " + layout.notebook(study.writeup()));
    }
}
