package org.convergence4j.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.data.Mnist;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.models.Variant;
import org.convergence4j.backend.NativeBuild;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingSettings;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.Trainer;
import org.convergence4j.train.TrainingProgress;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Times DL4J training of one TestNetwork head through the production {@link Trainer}, on the batches the PyTorch
 * reference's {@code --bench} uses: batches of 128 cut in file order from the start of the training set, first
 * {@code warmup} untimed ones (they let the JIT compile and the workspaces settle), then {@code steps} timed
 * ones, followed by the Trainer's evaluation pass over the whole test set. A step is everything the Trainer
 * does per batch (batch assembly, forward, backward, Adam update, batch loss and accuracy).
 *
 * <p>{@link #main} is the entry point of the child JVM that the {@code Benchmark} command forks per variant, so
 * that each variant's peak memory is its own.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /**
     * @param variant the variant
     * @param mnist  the data
     * @param warmup untimed training steps first, ≥ 0
     * @param steps  timed training steps, ≥ 1; {@code warmup + steps} ≤ {@value Measurement#STEPS_PER_EPOCH}
     * @param seed   initialization seed
     * @return the timings; the peak memory is this process's so far
     */
    public static Measurement measure(Variant variant, Mnist mnist, int warmup, int steps, long seed) {
        MultiLayerNetwork net = TestNetwork.build(variant, seed, TrainingSettings.SEMINAR_LEARNING_RATE,
                TestNetwork.PYTORCH_DEFAULT);
        Nd4j.getRandom().setSeed(seed);
        return measure(net, variant.key(), mnist, warmup, steps);
    }

    /**
     * As {@link #measure(Variant, Mnist, int, int, long)} for a network built elsewhere, e.g. a variant of the
     * TestNetwork configuration whose speed is being tried out.
     *
     * @param net     a network with a 784-feature input and a 10-class softmax output, trained in place
     * @param variant its name in the measurement
     */
    public static Measurement measure(MultiLayerNetwork net, String variant, Mnist mnist, int warmup, int steps) {
        if (warmup < 0 || steps < 1 || warmup + steps > Measurement.STEPS_PER_EPOCH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need warmup ≥ 0, steps ≥ 1 and warmup + steps ≤ %d (one epoch), got warmup %d, steps %d",
                    Measurement.STEPS_PER_EPOCH, warmup, steps));
        }
        int batch = TrainingSettings.SEMINAR_BATCH;
        ImageDataset train = mnist.train();
        if (warmup > 0) {
            new Trainer(TrainingProgress.NONE, new StopSignal()).train(net,
                    BatchIterator.sequential(slice(train, 0, warmup * batch), batch),
                    BatchIterator.sequential(mnist.test().head(batch), batch), 1);
        }
        Clock clock = new Clock();
        new Trainer(clock, new StopSignal()).train(net,
                BatchIterator.sequential(slice(train, warmup * batch, (warmup + steps) * batch), batch),
                BatchIterator.sequential(mnist.test(), batch), 1);
        return new Measurement("dl4j", variant, steps,
                (clock.lastBatch - clock.started) / 1e9 / steps, (clock.done - clock.lastBatch) / 1e9,
                (clock.lastBatchCpu - clock.startedCpu) / 1e9 / steps, (clock.doneCpu - clock.lastBatchCpu) / 1e9,
                PeakMemory.residentMb(), setup());
    }

    /**
     * Runs {@link #measure} in a new JVM with this one's classpath and options (see {@link ChildProcess#java}),
     * {@code OMP_NUM_THREADS=threads} and the native build {@code build}, so its peak memory is that variant's alone.
     *
     * @param variant the variant's text, e.g. {@code DropConnect(keep=0.6)}
     * @throws IllegalStateException with the child's last output if it fails, or if the child loaded another build
     *     than {@code build} (its jar missing from the classpath)
     */
    public static Measurement inChildJvm(String variant, NativeBuild build, int warmup, int steps, long seed,
            int threads, Path dataDir) {
        List<String> command = ChildProcess.java(TrainingBenchmark.class.getName(), List.of(variant,
                Integer.toString(warmup), Integer.toString(steps), Long.toString(seed), dataDir.toString()), build);
        Measurement m = Measurement.fromJson(ChildProcess.jsonLine("DL4J " + variant, command,
                Map.of("OMP_NUM_THREADS", Integer.toString(threads)), ChildProcess.TIMEOUT_SECONDS));
        if (!m.setup().startsWith("nd4j-native " + build.classifier() + ",")) {
            throw new IllegalStateException("the benchmark child of " + variant + " was to load nd4j-native "
                    + build.classifier() + " but reports " + m.setup() + "; is its jar in pom.xml?");
        }
        return m;
    }

    /**
     * The native backend measured: the build JavaCPP loaded (e.g. {@code linux-x86_64-onednn-avx2}), the
     * convolution engine and ND4J's threads.
     */
    static String setup() {
        ConvolutionEngine engine = ConvolutionEngine.available(); // loads ND4J first
        return String.format(Locale.ROOT, "nd4j-native %s, convolutions %s, %d OpenMP thread(s), JVM %s",
                NativeBuild.loaded().map(NativeBuild::classifier).orElse("(unknown build)"), engine,
                Nd4j.getEnvironment().maxThreads(), Runtime.version());
    }

    /** Examples {@code [from, to)} of {@code data}, a view. */
    private static ImageDataset slice(ImageDataset data, int from, int to) {
        return new ImageDataset(data.features().get(NDArrayIndex.interval(from, to)),
                data.labels().get(NDArrayIndex.interval(from, to)));
    }

    /**
     * Child-process entry: {@code VARIANT WARMUP STEPS SEED DATA_DIR}; prints one line of
     * {@link Measurement#toJson() JSON} on standard output.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: TrainingBenchmark VARIANT WARMUP STEPS SEED DATA_DIR");
            System.exit(2);
        }
        NativeBuild.select();
        Variant variant = Variant.of(args[0]);
        Mnist mnist = Mnist.read(Path.of(args[4]));
        Measurement m = measure(variant, mnist, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Long.parseLong(args[3]));
        System.out.println(m.toJson());
        System.exit(0);
    }

    /**
     * Records, in wall-clock and process CPU nanoseconds, when the timed epoch started, when its last training batch
     * finished, and when evaluation ended.
     */
    private static final class Clock implements TrainingProgress {
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long started;
        long startedCpu;
        long lastBatch;
        long lastBatchCpu;
        long done;
        long doneCpu;

        @Override
        public void epochStarted(int epoch, int epochs, int batches) {
            startedCpu = os.getProcessCpuTime();
            started = System.nanoTime();
        }

        @Override
        public void batchDone(double meanLoss, double meanAccuracy) {
            lastBatch = System.nanoTime();
            lastBatchCpu = os.getProcessCpuTime();
        }

        @Override
        public void epochDone(EpochMetrics metrics) {
            done = System.nanoTime();
            doneCpu = os.getProcessCpuTime();
        }
    }
}
