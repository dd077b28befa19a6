package org.convergence4j.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The training results of Parts 2–4 as held by {@code results/summary.json}, read back for the
 * comparison and the write-ups ({@link #read}). Any variant may be missing or partial (the full run
 * spans several sessions), and the optional sections may be absent.
 *
 * @param source the file it was read from, for messages
 * @param dataset {@code mnist} or {@code fashion-mnist}
 * @param configuration the training settings every run shares
 * @param environment Java, DL4J, OS, cores and date, as written (numbers as their JSON text)
 * @param variants the runs per variant, in the file's order
 * @param dropConnectInference mean-weight vs Monte-Carlo test accuracy of DropConnect, if measured
 * @param batchDependence per normalized variant, how its outputs change with the batch size
 * @param layerStats per variant, the activation std of each layer sampled during training
 */
public record RunSummary(Path source, String dataset, Configuration configuration, Map<String, String> environment,
        Map<String, VariantRuns> variants, Optional<DropConnectInference> dropConnectInference,
        Map<String, BatchDependence> batchDependence, Map<String, LayerStats> layerStats) {

    /**
     * Reads a summary file.
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be read
     * @throws IllegalArgumentException naming the file and the field if it is not such a summary
     */
    public static RunSummary read(Path file) {
        return RunSummaryParser.read(file);
    }

    /**
     * The settings of every run.
     *
     * @param epochs configured epochs per run
     * @param seeds the configured seeds
     * @param batch mini-batch size
     * @param learningRate Adam's learning rate
     * @param quick whether this is the smoke run (fewer epochs on a training subset)
     * @param trainExamples training examples used
     * @param testExamples test examples
     * @param engine what computed the convolutions ({@code ConvolutionEngine} name), if recorded
     */
    public record Configuration(int epochs, List<Long> seeds, OptionalInt batch, OptionalDouble learningRate,
            boolean quick, OptionalInt trainExamples, OptionalInt testExamples, Optional<String> engine) {
    }

    /**
     * The runs of one variant; the lists are indexed by run (one per seed), then by epoch.
     *
     * @param name the variant, e.g. {@code BatchNorm}
     * @param description its layers in the seminar's notation
     * @param part the seminar part that studies it (2 or 3), if the summary says
     * @param beyondSeminar whether the seminar did not have it (RMSNorm)
     * @param seeds the seed of each run
     * @param testAccuracy test accuracy per run and epoch, fractions in [0, 1]
     * @param testLoss test NLL per run and epoch, nats
     * @param trainAccuracy training accuracy per run and epoch
     * @param seconds wall time per run and epoch
     * @param complete per run, whether it has trained all configured epochs
     * @param divergence the messages of runs stopped by a non-finite loss
     */
    public record VariantRuns(String name, String description, OptionalInt part, boolean beyondSeminar, List<Long> seeds,
            List<List<Double>> testAccuracy, List<List<Double>> testLoss, List<List<Double>> trainAccuracy,
            List<List<Double>> seconds, List<Boolean> complete, List<String> divergence) {

        /** Indices of the runs that trained all configured epochs. */
        public List<Integer> finished() {
            return IntStream.range(0, seeds.size()).filter(complete::get).boxed().toList();
        }
    }

    /**
     * DropConnect's test accuracy with the two inference rules, one value per seed.
     *
     * @param seeds the seed of each trained model
     * @param meanWeight with the weights replaced by their expectation p·W (the seminar's rule)
     * @param monteCarlo with the softmax averaged over {@code samples} sampled masks
     * @param samples the number of masks
     */
    public record DropConnectInference(List<Long> seeds, List<Double> meanWeight, List<Double> monteCarlo,
            int samples) {
    }

    /**
     * How the outputs of a model with training-mode normalization change between batch size 1 and
     * the training batch size.
     *
     * @param maxAbsChange the largest absolute change of an output probability
     * @param changedPredictions examples whose predicted class changes
     * @param examples examples evaluated
     */
    public record BatchDependence(double maxAbsChange, int changedPredictions, int examples) {
    }

    /**
     * Per-layer activation std sampled during one training run.
     *
     * @param seed the run's seed
     * @param iterations the sampled iterations
     * @param layers the layer names
     * @param activationStd per sampled iteration, one std per layer
     */
    public record LayerStats(long seed, List<Integer> iterations, List<String> layers,
            List<List<Double>> activationStd) {
    }
}
