package org.convergence4j.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convergence4j.models.Variant;
import org.convergence4j.persistence.ComparisonFiles;
import org.convergence4j.persistence.HistoryCsv;
import org.convergence4j.persistence.InitTrainingFiles;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.SummaryFile;
import org.convergence4j.plot.CompareResultsChart;
import org.convergence4j.plot.InitTrainingChart;
import org.convergence4j.plot.LayerStdChart;
import org.convergence4j.plot.TrainingCurves;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.InitTraining;
import org.convergence4j.statistics.InitTrainingClaims;
import org.convergence4j.statistics.MeanHistory;
import org.convergence4j.study.Study.Output;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.TrainingHistory;

/**
 * Writes what a training study asks for ({@link Study#outputs()}) from its run records, replacing earlier files
 * atomically: per variant the mean curves over its finished seeds, the comparison tables, the comparison figures,
 * and for Part 1's trained nets their table, figure and findings.
 */
public final class StudyOutputs {

    private StudyOutputs() {
    }

    /**
     * Writes the outputs of {@code study}.
     *
     * @param runs stored runs, of this study's variants and perhaps others (those are ignored)
     * @param summary the results folder's summary, whose layer statistics the figures draw
     * @return the study's comparison, for its write-up
     */
    public static Comparison write(Study study, List<RunRecord> runs, SummaryFile summary, ResultsLayout layout) {
        String folder = study.folder();
        Comparison comparison = Comparison.of(study.variants(), study.seeds().size(), runs);
        if (study.outputs().contains(Output.MEAN_CURVES)) {
            for (Variant v : study.variants()) {
                List<TrainingHistory> complete = runs.stream().filter(r -> r.variant().equals(v))
                        .filter(RunRecord::complete).map(RunRecord::history).toList();
                if (!complete.isEmpty()) {
                    TrainingHistory mean = new TrainingHistory(MeanHistory.of(complete), false);
                    HistoryCsv.write(layout.meanCurvesCsv(folder, v.fileStem()), mean);
                    TrainingCurves.save(layout.meanCurvesPng(folder, v.fileStem()), v.key() + " (mean of "
                            + complete.size() + (complete.size() == 1 ? " seed)" : " seeds)"), mean.epochs());
                }
            }
        }
        if (study.outputs().contains(Output.COMPARISON)) {
            ComparisonFiles.write(layout, folder, comparison);
        }
        if (study.outputs().contains(Output.INIT_TRAINING)) {
            Set<RunSpec> specs = Set.copyOf(study.runs());
            List<RunRecord> own = runs.stream().filter(r -> specs.contains(r.spec())).toList();
            InitTraining training = InitTraining.of(study.variants(), study.seeds(), study.training(), own);
            InitTrainingFiles.write(layout, folder, training, InitTrainingClaims.findings(own));
            if (training.nets().stream().anyMatch(n -> !n.meanTrainLoss().isEmpty())) {
                InitTrainingChart.save(layout.initTrainingFigure(folder), training);
            }
        }
        if (study.outputs().contains(Output.COMPARISON_FIGURES)) {
            if (comparison.variants().stream().anyMatch(v -> !v.testAccuracyByEpoch().isEmpty())) {
                CompareResultsChart.save(layout.compareFigure(folder), study.training().dataset().toUpperCase(Locale.ROOT),
                        comparison.variants());
            }
            Map<String, SummaryFile.LayerStats> layerStats = new LinkedHashMap<>();
            for (Variant v : study.variants()) {
                summary.layerStatsOf(v.key()).filter(s -> !s.iterations().isEmpty())
                        .ifPresent(s -> layerStats.put(v.key(), s));
            }
            if (!layerStats.isEmpty()) {
                LayerStdChart.save(layout.layerStdFigure(folder), layerStats);
            }
        }
        return comparison;
    }
}
