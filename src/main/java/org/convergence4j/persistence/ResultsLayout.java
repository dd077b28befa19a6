package org.convergence4j.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every file and folder name of a results folder, in one place.
 * <pre>
 *   &lt;root&gt;/summary.json                    every run's per-epoch metrics by variant (other tools read it)
 *   &lt;root&gt;/analysis-plan.md               how the studies are judged, cited by every write-up
 *   &lt;root&gt;/runs/&lt;variant&gt;-&lt;hash&gt;-seed&lt;k&gt;.json   one record per run ({@link RunStore})
 *   &lt;root&gt;/&lt;study&gt;/&lt;variant&gt;.csv|png         mean curves over seeds of each variant of a study
 *   &lt;root&gt;/&lt;study&gt;/comparison.csv|json, pairwise.csv, compare_results.png, layer_activation_std.png
 *   &lt;root&gt;/&lt;study&gt;/std_per_layer_&lt;net&gt;.csv, summary.json, std_vs_depth_*.png, activation_histograms_tanh.png
 *   &lt;root&gt;/&lt;study&gt;/verdicts.json         the verdicts of a study: per notebook sentence, claims, readings
 *   &lt;root&gt;/&lt;study&gt;/verdicts.png          every reading against its region, the gaps and the curves (Part 4)
 *   &lt;root&gt;/&lt;study&gt;/training.csv|json, training_verdicts.json, training_loss.png   Part 1's nets trained
 *   &lt;notebooks&gt;/&lt;write-up&gt;.md
 * </pre>
 *
 * @param root the results folder, e.g. {@code results}
 * @param notebooks the folder of the write-ups: {@code notebooks-equivalent} beside the committed {@code results},
 *     else {@code <root>/notebooks-equivalent}, so that no other run overwrites the committed write-ups
 */
public record ResultsLayout(Path root, Path notebooks) {

    /** The committed results folder, which only the reference configuration writes. */
    public static final Path REFERENCE = Path.of("results");

    /** The layout of {@code root}. */
    public static ResultsLayout of(Path root) {
        Path normalized = root.normalize();
        return new ResultsLayout(normalized, normalized.equals(REFERENCE) ? Path.of("notebooks-equivalent")
                : normalized.resolve("notebooks-equivalent"));
    }

    /** Whether {@code a} and {@code b} name the same folder (through links too, where both exist). */
    public static boolean sameFolder(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // compare the names below
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** The folder of the run records. */
    public Path runs() {
        return root.resolve("runs");
    }

    /** The analysis plan of the folder's studies, which every write-up cites by its SHA-256. */
    public Path analysisPlan() {
        return root.resolve("analysis-plan.md");
    }

    /** {@code summary.json} of the TestNetwork runs. */
    public Path summary() {
        return root.resolve("summary.json");
    }

    /** The folder of a study's outputs. */
    public Path study(String folder) {
        return root.resolve(folder);
    }

    /** The mean-curves table of a variant in a study. */
    public Path meanCurvesCsv(String folder, String variantStem) {
        return study(folder).resolve(variantStem + ".csv");
    }

    /** The mean-curves figure of a variant in a study. */
    public Path meanCurvesPng(String folder, String variantStem) {
        return study(folder).resolve(variantStem + ".png");
    }

    /** Per variant, mean ± sd of the final figures. */
    public Path comparisonCsv(String folder) {
        return study(folder).resolve("comparison.csv");
    }

    /** Per pair of variants, the difference and its interval. */
    public Path pairwiseCsv(String folder) {
        return study(folder).resolve("pairwise.csv");
    }

    /** The comparison's numbers, from which the write-ups print. */
    public Path comparisonJson(String folder) {
        return study(folder).resolve("comparison.json");
    }

    /** The seminar's {@code compare_results} figure. */
    public Path compareFigure(String folder) {
        return study(folder).resolve("compare_results.png");
    }

    /** Per-layer activation std during training. */
    public Path layerStdFigure(String folder) {
        return study(folder).resolve("layer_activation_std.png");
    }

    /** A study's verdicts: per notebook sentence its claims, per claim its readings with intervals. */
    public Path verdicts(String folder) {
        return study(folder).resolve("verdicts.json");
    }

    /** The figure that answers the seminar: every reading against its region, gaps and curves ({@code verdicts.png}). */
    public Path verdictsFigure(String folder) {
        return study(folder).resolve("verdicts.png");
    }

    /** The verdicts on Part 1's trained nets, beside Part 1's own at initialization in the same folder. */
    public Path initTrainingVerdicts(String folder) {
        return study(folder).resolve("training_verdicts.json");
    }

    /** A sweep's numbers, from which its write-up prints. */
    public Path sweepJson(String folder) {
        return study(folder).resolve("sweep.json");
    }

    /** A sweep's table: one row per point. */
    public Path sweepCsv(String folder) {
        return study(folder).resolve("sweep.csv");
    }

    /** A sweep's figure: the end-point against each swept parameter. */
    public Path sweepFigure(String folder) {
        return study(folder).resolve("end_point_vs_probability.png");
    }

    /** Part 1's per-layer table of one net, e.g. {@code std_per_layer_a.csv}. */
    public Path initStdCsv(String folder, String net) {
        return study(folder).resolve("std_per_layer_" + net + ".csv");
    }

    /** Part 1's summary of every net. */
    public Path initSummary(String folder) {
        return study(folder).resolve("summary.json");
    }

    /** Part 1's std-versus-depth figure of one architecture, e.g. {@code std_vs_depth_wide.png}. */
    public Path initDepthFigure(String folder, String architecture) {
        return study(folder).resolve("std_vs_depth_" + architecture + ".png");
    }

    /** Part 1's histograms of the tanh nets. */
    public Path initHistogramFigure(String folder) {
        return study(folder).resolve("activation_histograms_tanh.png");
    }

    /** Part 1's trained nets: per net and optimizer the final training loss and test accuracy, as CSV. */
    public Path initTrainingCsv(String folder) {
        return study(folder).resolve("training.csv");
    }

    /** Part 1's trained nets, the statistics the write-up prints from. */
    public Path initTrainingJson(String folder) {
        return study(folder).resolve("training.json");
    }

    /** Part 1's trained nets: the training loss per epoch, one panel per architecture and optimizer. */
    public Path initTrainingFigure(String folder) {
        return study(folder).resolve("training_loss.png");
    }

    /** A write-up, e.g. {@code notebooks-equivalent/Part2-dropout.md}. */
    public Path notebook(String writeup) {
        return notebooks.resolve(writeup + ".md");
    }
}
