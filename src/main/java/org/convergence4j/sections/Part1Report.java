package org.convergence4j.sections;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.convergence4j.claims.InitializationClaims;
import org.convergence4j.claims.Judgement;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.plot.ActivationHistogramChart;
import org.convergence4j.plot.StdDepthChart;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.DepthRatios;
import org.convergence4j.probe.InitializationStudy;
import org.convergence4j.persistence.InitStudyFile;
import org.convergence4j.persistence.Json;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.LayerStdCsv;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.study.InitializationReport;
import org.convergence4j.train.StopSignal;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Part 1 of the seminar, the weight-initialization study, from one fixed batch to every output
 * file; the Part 1 Main loads the batch and calls {@link #run}.
 * <p>
 * Writes into the output directory:
 * <ul>
 *   <li>{@code std_per_layer_<key>.csv} for every {@link InitConfiguration} ({@link LayerStdCsv});</li>
 *   <li>{@code summary.json} keyed a–f, relu_xavier, tanh_he ({@link InitStudyFile});</li>
 *   <li>{@code std_vs_depth_wide.png} (a, b, c) and {@code std_vs_depth_deep.png} (d, e, f and the
 *       contrasts): forward and backward std per layer with the mean-field theory;</li>
 *   <li>{@code activation_histograms_tanh.png}: hidden-layer activation histograms of the
 *       784→500×10→10 tanh net under N(0, 0.1²) (a) and Xavier normal (b), seed 1.</li>
 * </ul>
 */
public final class Part1Report {

    /** Histogram bins over [−1, 1]. */
    static final int HISTOGRAM_BINS = 50;
    /** The initialization seed of the histogram figure. */
    static final long HISTOGRAM_SEED = 1;

    private Part1Report() {
    }

    /**
     * Runs the study and writes every file, replacing earlier ones atomically.
     *
     * @param batchOf100 the fixed batch: features {@code [100, 784]} normalized as the seminar does
     *     ({@code (x/255 − 0.1307)/0.3081}), one-hot labels {@code [100, 10]}
     * @param layout the results folder; the files go to its {@code folder}, created if needed
     * @param folder the study's folder, e.g. {@code part1-initialization}
     * @param seeds initialization seeds per configuration, 1 … seeds; the seminar reproduction uses 10
     * @param stop when raised before the files are written, nothing is written (each file is replaced atomically
     *     and all of them together in about a second, so a stop once writing began lets it finish)
     * @return the report, its nets in {@link InitConfiguration} order; empty if a stop was requested before writing
     * @throws IllegalArgumentException if the batch is not 784 features and 10 one-hot classes, or
     *     {@code seeds < 2}
     */
    public static Optional<InitializationReport> run(DataSet batchOf100, ResultsLayout layout, String folder,
            int seeds, StopSignal stop) {
        Objects.requireNonNull(layout, "layout");
        requireMnistShaped(batchOf100);
        InitializationStudy study = new InitializationStudy(batchOf100, seeds);
        List<ConfigurationResult> results = study.run(List.of(InitConfiguration.values()));
        if (stop.isRequested()) {
            return Optional.empty();
        }

        for (ConfigurationResult r : results) {
            LayerStdCsv.write(layout.initStdCsv(folder, r.configuration().key()), r);
        }
        InitStudyFile summary = InitStudyFile.of(results);
        summary.write(layout.initSummary(folder));
        Judgement judgement = depthJudgement(results);
        Json.write(layout.verdicts(folder), judgement);
        for (InitConfiguration.Architecture architecture : InitConfiguration.Architecture.values()) {
            List<ConfigurationResult> group = results.stream()
                    .filter(r -> r.configuration().architecture() == architecture).toList();
            StdDepthChart.save(layout.initDepthFigure(folder, architecture.name().toLowerCase(Locale.ROOT)),
                    architecture.label(), group);
        }
        ActivationHistogramChart.save(layout.initHistogramFigure(folder), InitializationStudy.SATURATION,
                List.of(histogramPanel(study, InitConfiguration.A), histogramPanel(study, InitConfiguration.B)));
        return Optional.of(new InitializationReport(summary.configurations(), judgement));
    }

    /** The verdict of 1.4 at initialization on {@code results} ({@link InitializationClaims#judgeDepth}). */
    static Judgement depthJudgement(List<ConfigurationResult> results) {
        Map<InitConfiguration, DepthRatios> nets = new EnumMap<>(InitConfiguration.class);
        results.forEach(r -> nets.put(r.configuration(), r.depth()));
        return InitializationClaims.judgeDepth(nets, Comparison.LEVEL);
    }

    private static ActivationHistogramChart.Panel histogramPanel(InitializationStudy study, InitConfiguration c) {
        return new ActivationHistogramChart.Panel(c.key() + ": " + c.description() + ", seed " + HISTOGRAM_SEED,
                study.hiddenActivationHistograms(c, HISTOGRAM_SEED, HISTOGRAM_BINS));
    }

    private static void requireMnistShaped(DataSet batch) {
        Objects.requireNonNull(batch, "batch");
        long[] x = batch.getFeatures().shape();
        long[] y = batch.getLabels().shape();
        if (x.length != 2 || x[1] != 784 || y.length != 2 || y[1] != 10 || x[0] != y[0] || x[0] < 2) {
            throw new IllegalArgumentException("Part 1 needs a batch of flattened MNIST images [N, 784] with one-hot "
                    + "labels [N, 10] (the seminar uses N = 100); got features " + Arrays.toString(x) + " and labels "
                    + Arrays.toString(y));
        }
    }
}
