package org.convergence4j.sections;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.backend.NativeBuild;
import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.DataDirectory;
import org.convergence4j.data.Dataset;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.persistence.Json;
import org.convergence4j.persistence.Json.JsonFileException;
import org.convergence4j.persistence.RunStore;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.Evaluation;
import org.convergence4j.train.RunEnvironment;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.Trainer;
import org.convergence4j.train.TrainingSettings;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Evaluates a stored run's trained network ({@link RunStore#network}: its SHA-256 checked against its record, the
 * convolution engine it was trained with installed) on the test set of the run's dataset, in the run's batches, and
 * prints the test accuracy and loss beside the final ones its record holds, with their difference. On the engine,
 * native build and CPU it was trained on, the two agree exactly; another build or CPU rounds differently in the last
 * digits. A network given without its record beside it is evaluated too, but nothing about it can be checked.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates a stored run's trained network on its dataset's test set, with the convolution engine "
                + "and batch size it was trained with, and prints the test accuracy and loss beside the final ones its "
                + "record holds. FILE is a run record, results/runs/<variant>-<hash>-seed<k>.json, or its network "
                + "(.zip) beside it; the record is needed to verify the network's SHA-256.")
public final class Evaluate implements Callable<Integer> {

    /** The batch size for a network given without its record, which would name its own: the seminar's. */
    static final int UNRECORDED_BATCH = TrainingSettings.SEMINAR_BATCH;

    private static final String RECORD = ".json";
    private static final String NETWORK = ".zip";
    private static final String GIVE = "give a run record, <results>/runs/<variant>-<hash>-seed<k>" + RECORD
            + ", or its network (" + NETWORK + ") beside it";

    @Parameters(paramLabel = "FILE", description = "A run record (.json) in a results folder's runs/, or its trained "
            + "network (.zip) beside it.")
    Path file;

    // Not CommonOptions: its --out means nothing to a command that writes nothing, and the record may name Fashion-MNIST.
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the test set's IDX files are (default: for "
            + "MNIST $" + DataDirectory.ENV + ", else ~/.cache/convergence4j/mnist, fetched there if missing; for "
            + "Fashion-MNIST /usr/share/datasets/fashion-mnist).")
    Path dataDir;

    @Option(names = "--dataset", paramLabel = "NAME", description = "The test set of a network given without its "
            + "record: mnist or fashion-mnist (default: mnist); a record names its own.")
    String dataset;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Command-line entry point; see {@code --help}. */
    public static void main(String[] args) {
        Cli.exit(new Evaluate(), args);
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        checkOptions(cl);
        PrintStream console = System.out;
        String name = file.getFileName() != null ? file.getFileName().toString() : "";
        if (!Files.exists(file)) {
            throw new CommandLine.ParameterException(cl, file + ": no such file; " + GIVE);
        }
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(cl, file + " is a folder; " + GIVE);
        }
        if (name.endsWith(RECORD)) {
            return evaluate(cl, readRecord(cl, file, file + " is not a run record"), file, console);
        }
        if (!name.endsWith(NETWORK)) {
            throw new CommandLine.ParameterException(cl, file + " is neither a run record (" + RECORD
                    + ") nor a trained network (" + NETWORK + "); " + GIVE);
        }
        Path record = file.resolveSibling(name.substring(0, name.length() - NETWORK.length()) + RECORD);
        if (Files.isRegularFile(record)) {
            return evaluate(cl, readRecord(cl, record, "the record beside " + file + ", " + record + ", cannot be "
                    + "read, so the network cannot be verified"), record, console);
        }
        return evaluateUnrecorded(cl, record, console);
    }

    private void checkOptions(CommandLine cl) {
        if (dataDir != null && dataDir.toString().isBlank()) {
            throw new CommandLine.ParameterException(cl,
                    "--data-dir is empty; give a folder, or leave the option out for the default");
        }
        if (dataset != null && !List.of(Dataset.MNIST.id(), Dataset.FASHION_MNIST.id()).contains(dataset)) {
            throw new CommandLine.ParameterException(cl, "--dataset must be mnist or fashion-mnist, got '" + dataset
                    + "'");
        }
    }

    /** The record in {@code recordFile}; a file that is not one is a usage error that starts with {@code what}. */
    private static RunRecord readRecord(CommandLine cl, Path recordFile, String what) {
        try {
            return Json.read(recordFile, RunRecord.class, RunRecord.ADDED_FIELDS);
        } catch (JsonFileException e) {
            throw new CommandLine.ParameterException(cl, what + ": " + e.getMessage() + "; " + GIVE);
        }
    }

    /** Evaluates the network that {@code run}, read from {@code recordFile}, names, and compares. */
    private int evaluate(CommandLine cl, RunRecord run, Path recordFile, PrintStream console) throws IOException {
        RunStore store = new RunStore(Optional.ofNullable(recordFile.getParent()).orElse(Path.of("")), console);
        Path expected = store.file(run.spec(), run.configuration());
        if (!expected.getFileName().equals(recordFile.getFileName())) {
            throw new CommandLine.ParameterException(cl, recordFile + " holds the record of " + run.spec().label()
                    + ", which is stored as " + expected.getFileName() + " beside its network "
                    + store.networkFile(run.spec(), run.configuration()).getFileName() + "; rename it back");
        }
        Optional<String> engineProblem = engineProblem(recordFile, run.engine(), ConvolutionEngine.available(),
                NativeBuild.loaded(), NativeBuild.cpuFlags());
        if (engineProblem.isPresent()) {
            throw new CommandLine.ParameterException(cl, engineProblem.get());
        }
        if (dataset != null && !dataset.equals(run.settings().dataset())) {
            throw new CommandLine.ParameterException(cl, "--dataset " + dataset + " contradicts " + recordFile
                    + ", which was trained on " + run.settings().dataset() + "; leave --dataset out");
        }
        MultiLayerNetwork net;
        try {
            net = store.network(run);
        } catch (IOException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        console.println(recordFile + ": " + run.spec().label() + ", " + run.history().epochs().size() + " epochs on "
                + run.settings().dataset() + " in batches of " + run.settings().batchSize() + ", engine "
                + run.engine() + run.environment().map(e -> ", trained " + e.finished() + " with " + e.nativeBuild()
                        + " on " + e.cpu()).orElse("") + "; network SHA-256 verified");
        Dataset data = Dataset.of(run.settings().dataset());
        Evaluation evaluated = test(net, data, run.settings().batchSize(), run.engine(), console);
        EpochMetrics last = run.history().last(); // a record names a network only when its run completed
        Evaluation recorded = new Evaluation(last.testLoss(), last.testAccuracy());
        print(console, evaluated, Optional.of(recorded));
        console.println(agreement(evaluated, recorded, run.environment(), RunEnvironment.current()));
        return 0;
    }

    /** Evaluates a network whose record is not beside it: with this build's engine, on {@code --dataset}. */
    private int evaluateUnrecorded(CommandLine cl, Path missingRecord, PrintStream console) throws IOException {
        Dataset data = Dataset.of(dataset != null ? dataset : Dataset.MNIST.id());
        ConvolutionEngine engine = ConvolutionEngine.available();
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new CommandLine.ParameterException(cl, file + " is not a network DL4J can read (" + FailureMessage.of(e)
                    + "): truncated, or not a network; copy it again from where the run was trained, or train the run "
                    + "again");
        }
        engine.install(net);
        console.println("warning: " + missingRecord + " is missing, so the SHA-256 of " + file + " could not be "
                + "verified and its dataset, batch size and engine are unknown; it is evaluated on " + data.id()
                + " (--dataset) in batches of " + UNRECORDED_BATCH + " with this build's engine, " + engine
                + "; give its record to have it checked and compared");
        print(console, test(net, data, UNRECORDED_BATCH, engine, console), Optional.empty());
        return 0;
    }

    /** {@code net} on the test set of {@code data}, saying which and how. */
    private Evaluation test(MultiLayerNetwork net, Dataset data, int batchSize, ConvolutionEngine engine,
            PrintStream console) throws IOException {
        console.println(data.id() + ": " + (dataDir != null ? dataDir : data.defaultDir(System.getenv())));
        ImageDataset test = data.load(dataDir, System.getenv(), () -> false).test();
        RunEnvironment here = RunEnvironment.current();
        console.println("evaluated on its " + test.size() + " test images in batches of " + batchSize + ", engine "
                + engine + ", with " + here.nativeBuild() + " on " + here.cpu());
        return Trainer.evaluate(net, BatchIterator.sequential(test, batchSize));
    }

    /** The figures as a table: evaluated, and where a record holds them, recorded and the difference. */
    private static void print(PrintStream out, Evaluation evaluated, Optional<Evaluation> recorded) {
        if (recorded.isEmpty()) {
            out.printf(Locale.ROOT, "test accuracy %.8f%ntest loss     %.8f%n", evaluated.accuracy(), evaluated.loss());
            return;
        }
        Evaluation r = recorded.get();
        out.printf(Locale.ROOT, "              %-12s %-12s %s%n", "evaluated", "record", "difference");
        out.printf(Locale.ROOT, "test accuracy %-12.8f %-12.8f %s%n", evaluated.accuracy(), r.accuracy(),
                difference(evaluated.accuracy(), r.accuracy()));
        out.printf(Locale.ROOT, "test loss     %-12.8f %-12.8f %s%n", evaluated.loss(), r.loss(),
                difference(evaluated.loss(), r.loss()));
    }

    private static String difference(double evaluated, double recorded) {
        double d = evaluated - recorded;
        return d == 0 ? "0" : String.format(Locale.ROOT, "%+.2e", d);
    }

    /**
     * What the agreement of the figures says: exact agreement is expected where the engine, native build and CPU are
     * those of training (the same operations in the same order); elsewhere the last digits may differ.
     */
    static String agreement(Evaluation evaluated, Evaluation recorded, Optional<RunEnvironment> trained,
            RunEnvironment here) {
        if (Double.compare(evaluated.accuracy(), recorded.accuracy()) == 0
                && Double.compare(evaluated.loss(), recorded.loss()) == 0) {
            return "agree exactly: the network reproduces its record's final test figures";
        }
        if (trained.isEmpty()) {
            return "differ: the record does not name the native build and CPU it was trained on (it was stored before "
                    + "records named them); another build or CPU rounds differently in the last digits";
        }
        RunEnvironment t = trained.get();
        if (t.nativeBuild().equals(here.nativeBuild()) && t.cpu().equals(here.cpu())) {
            return "differ, although the engine, native build (" + here.nativeBuild() + ") and CPU are those of "
                    + "training, where they should agree exactly: the network or the test set is not the one the "
                    + "record was made with";
        }
        return "differ: trained with " + t.nativeBuild() + " on " + t.cpu() + ", evaluated with " + here.nativeBuild()
                + " on " + here.cpu() + "; another build or CPU rounds differently in the last digits";
    }

    /**
     * Why this process cannot compute with the engine a run was trained with, if it cannot: {@link
     * ConvolutionEngine#BUILT_IN} runs everywhere, {@link ConvolutionEngine#ONEDNN} only in a oneDNN native build.
     *
     * @param record the run's record, named in the message
     * @param trained the engine the run was trained with
     * @param here {@link ConvolutionEngine#available()}
     * @param loaded the native build this process loaded
     * @param cpuFlags this CPU's {@code /proc/cpuinfo} flags, to say which oneDNN build it runs
     */
    static Optional<String> engineProblem(Path record, ConvolutionEngine trained, ConvolutionEngine here,
            Optional<NativeBuild> loaded, Set<String> cpuFlags) {
        if (trained != ConvolutionEngine.ONEDNN || here == ConvolutionEngine.ONEDNN) {
            return Optional.empty();
        }
        String problem = record + " was trained with the " + trained + " convolution engine, which the loaded native "
                + "build (" + loaded.map(NativeBuild::classifier).orElse("unknown") + ") cannot provide";
        NativeBuild oneDnn = NativeBuild.forCpu(cpuFlags);
        if (oneDnn == NativeBuild.PLAIN) {
            return Optional.of(problem + ", and this CPU runs neither oneDNN build (they need "
                    + String.join(" and ", NativeBuild.ONEDNN_AVX2.requiredFlags()) + ", or AVX-512); evaluate it on a "
                    + "machine with AVX2");
        }
        return Optional.of(problem + "; select the oneDNN build: add " + oneDnn.jvmOption() + " to the command");
    }
}
