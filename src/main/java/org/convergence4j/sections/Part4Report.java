package org.convergence4j.sections;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence4j.models.Head;
import org.convergence4j.models.Heads;
import org.convergence4j.plot.CompareResultsChart;
import org.convergence4j.plot.LayerStdChart;
import org.convergence4j.report.Comparison;
import org.convergence4j.report.ComparisonFiles;
import org.convergence4j.report.RunSummary;

/**
 * Part 4 of the seminar, the comparison, from {@code <results>/summary.json} to every file of
 * {@code <results>/part4-comparison/}; the Part 4 Main (and RunAll) call {@link #run} once the runs
 * are stored and the summary is written.
 * <p>
 * Writes, replacing earlier files atomically:
 * <ul>
 *   <li>{@code comparison.csv}, {@code pairwise.csv}, {@code comparison.json}: per variant mean ± sd
 *       over finished seeds, per pair the Welch interval of the difference ({@link ComparisonFiles});</li>
 *   <li>{@code compare_results.png}: the seminar's figure, test loss and test accuracy per epoch,
 *       mean ± sd band per variant ({@link CompareResultsChart}), when a variant has a finished seed;</li>
 *   <li>{@code layer_activation_std.png}: per-layer activation std during training of Baseline,
 *       BatchNorm and LayerNorm ({@link LayerStdChart}), those the summary's {@code layer_stats} has.</li>
 * </ul>
 */
public final class Part4Report {

    /** The output folder under the results directory. */
    public static final String DIR = "part4-comparison";
    /** The variants whose layer statistics are compared. */
    static final List<Head> LAYER_STD_VARIANTS = List.of(Heads.BASELINE, Heads.BATCHNORM, Heads.LAYERNORM);

    private Part4Report() {
    }

    /**
     * Reads {@code resultsDir/summary.json} and writes every Part 4 file.
     *
     * @param resultsDir the results folder holding {@code summary.json}, e.g. {@code results}
     * @return the comparison that was written
     * @throws java.io.UncheckedIOException if the summary cannot be read or a file cannot be written
     * @throws IllegalArgumentException naming the field if the summary is malformed
     */
    public static Comparison run(Path resultsDir) {
        RunSummary summary = RunSummary.read(resultsDir.resolve("summary.json"));
        Comparison comparison = Comparison.of(summary);
        Path dir = resultsDir.resolve(DIR);
        ComparisonFiles.write(dir, comparison);
        if (comparison.variants().stream().anyMatch(v -> !v.testAccuracyByEpoch().isEmpty())) {
            CompareResultsChart.save(dir.resolve("compare_results.png"), summary.dataset().toUpperCase(Locale.ROOT),
                    comparison.variants());
        }
        Map<String, RunSummary.LayerStats> layerStats = new LinkedHashMap<>();
        for (Head head : LAYER_STD_VARIANTS) {
            RunSummary.LayerStats stats = summary.layerStats().get(head.name());
            if (stats != null && !stats.iterations().isEmpty()) {
                layerStats.put(head.name(), stats);
            }
        }
        if (!layerStats.isEmpty()) {
            LayerStdChart.save(dir.resolve("layer_activation_std.png"), layerStats);
        }
        return comparison;
    }
}
