package org.convergence4j.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.convergence4j.claims.Judgement;
import org.convergence4j.data.Dataset;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.ComparisonFiles;
import org.convergence4j.persistence.HistoryCsv;
import org.convergence4j.persistence.InitTrainingFiles;
import org.convergence4j.persistence.Json;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.persistence.SweepFiles;
import org.convergence4j.plot.CompareResultsChart;
import org.convergence4j.plot.InitTrainingChart;
import org.convergence4j.plot.LayerStdChart;
import org.convergence4j.plot.SweepChart;
import org.convergence4j.plot.TrainingCurves;
import org.convergence4j.plot.VerdictsChart;
import org.convergence4j.statistics.Analyses;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.InitTraining;
import org.convergence4j.statistics.MeanHistory;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.RelativeGap;
import org.convergence4j.statistics.StudyRuns;
import org.convergence4j.statistics.Sweep;
import org.convergence4j.study.Study.Output;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingHistory;

/**
 * Writes what a training study asks for ({@link Study#outputs()}) from its run records, replacing earlier files
 * atomically: per variant the mean curves over its finished seeds, the comparison tables, the comparison
 * figures, the sweep's figure and tables, the verdicts on its claims, and for Part 1's trained nets their table
 * and figure. Only the runs at the study's settings and seeds count: a variant that two studies share (the
 * Baseline of the 10-seed comparison and of the 5-seed sweep) is summarized over each study's own seeds.
 */
public final class StudyOutputs {

    private StudyOutputs() {
    }

    /**
     * Writes the outputs of every training study of {@code studies}, in their order, each study's verdicts going to
     * the tables of every sentence of the studies after it ({@link Output#ALL_VERDICTS}); those of Part 1's trained
     * nets (readings beside 1.4's verdict at initialization) and of the new evidence stay apart.
     *
     * @param stored stored runs, of these studies and perhaps others (those are ignored)
     * @param initialization Part 1's verdict at initialization (1.4), for the tables of every sentence; none if
     *     Part 1 has not been run
     * @return per training study, in order, what its runs say, for the write-ups
     */
    public static Map<Study, StudyReport> writeAll(List<Study> studies, List<RunRecord> stored,
            ResultsLayout layout, Judgement initialization) {
        Judgement earlier = initialization;
        Optional<VerdictsChart.Reference> intended = Optional.empty();
        Map<Study, StudyReport> results = new LinkedHashMap<>();
        for (Study s : studies) {
            if (s.trains()) {
                StudyReport r = write(s, stored, layout, earlier,
                        s.outputs().contains(Output.EVIDENCE) ? intended : Optional.empty());
                if (!s.outputs().contains(Output.INIT_TRAINING) && !s.outputs().contains(Output.EVIDENCE)) {
                    earlier = r.judgement().withEarlier(earlier); // beside-readings and new evidence judge apart
                }
                if (s.outputs().contains(Output.ALL_VERDICTS)) {
                    intended = Optional.of(new VerdictsChart.Reference(s.name(), r.judgement()));
                }
                results.put(s, r);
            }
        }
        return results;
    }

    /**
     * Writes the outputs of {@code study}.
     *
     * @param stored stored runs, of this study and perhaps others (those are ignored)
     * @param earlier the verdicts of the studies written before this one in the same command; a study with
     *     {@link Output#ALL_VERDICTS} adds their sentences it does not judge itself
     * @param intended the verdicts its figure draws its own beside (a study of new evidence: Part 4's), if any
     * @return what the runs say, for the study's write-up
     */
    private static StudyReport write(Study study, List<RunRecord> stored, ResultsLayout layout,
            Judgement earlier, Optional<VerdictsChart.Reference> intended) {
        String folder = study.folder();
        List<RunRecord> runs = stored.stream()
                .filter(r -> study.seeds().contains(r.seed()) && r.settings().equals(study.training())).toList();
        Comparison comparison = Comparison.of(study.variants(), study.seeds().size(), study.training().epochs(),
                Dataset.of(study.training().dataset()).equivalenceMargin(), runs);
        StudyRuns own = new StudyRuns(study.seeds(), study.training(), runs);
        Analyses analyses = Analyses.of(study.variants(), runs);
        Judgement judgement = Judgement.of(study.claims(), own, Comparison.LEVEL);
        if (study.outputs().contains(Output.ALL_VERDICTS)) {
            judgement = judgement.withEarlier(earlier);
        }
        if (!judgement.sentences().isEmpty()) {
            Json.write(study.outputs().contains(Output.INIT_TRAINING) ? layout.initTrainingVerdicts(folder)
                    : layout.verdicts(folder), judgement);
        }
        Optional<Sweep> sweep = Optional.empty();
        if (study.outputs().contains(Output.SWEEP)) {
            sweep = Optional.of(Sweep.of(study.variants(), study.variants().get(0), own, Comparison.LEVEL));
            SweepFiles.write(layout, folder, sweep.get());
            if (sweep.get().series().stream().flatMap(s -> s.points().stream()).anyMatch(p -> p.endPoint().isPresent())) {
                SweepChart.save(layout.sweepFigure(folder), sweep.get());
            }
        }
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
        Optional<InitTraining> initTraining = Optional.empty();
        if (study.outputs().contains(Output.INIT_TRAINING)) {
            InitTraining training = InitTraining.of(study.variants(), study.seeds(), study.training(), runs);
            InitTrainingFiles.write(layout, folder, training);
            if (training.nets().stream().anyMatch(n -> !n.meanTrainLoss().isEmpty())) {
                InitTrainingChart.save(layout.initTrainingFigure(folder), training);
            }
            initTraining = Optional.of(training);
        }
        if (study.outputs().contains(Output.VERDICTS_FIGURE) && (judgement.readings().stream()
                .anyMatch(f -> f.value().isPresent())
                || comparison.variants().stream().anyMatch(v -> !v.testAccuracyByEpoch().isEmpty()))) {
            Map<String, List<MeanInterval>> gaps = new LinkedHashMap<>();
            Variant baseline = Variants.BASELINE.defaults();
            if (study.variants().contains(baseline)) {
                study.variants().stream().filter(v -> !v.equals(baseline))
                        .forEach(v -> gaps.put(v.key(), RelativeGap.of(own, v, baseline, Comparison.LEVEL)));
            }
            // The study and its dataset, so that the figures of studies on one dataset (Part 4, the learning rates)
            // cannot be mistaken for one another.
            String dataset = study.training().dataset();
            String title = study.name().toLowerCase(Locale.ROOT).contains(dataset) ? study.name()
                    : study.name() + ", " + dataset.toUpperCase(Locale.ROOT);
            VerdictsChart.save(layout.verdictsFigure(folder), title, judgement, gaps, comparison.variants(), intended);
        }
        if (study.outputs().contains(Output.COMPARISON_FIGURES)) {
            if (comparison.variants().stream().anyMatch(v -> !v.testAccuracyByEpoch().isEmpty())) {
                CompareResultsChart.save(layout.compareFigure(folder), study.training().dataset().toUpperCase(Locale.ROOT),
                        comparison.variants());
            }
            Map<String, Analyses.LayerStats> layerStats = new LinkedHashMap<>();
            analyses.layerStats().forEach((variant, stats) -> {
                if (!stats.iterations().isEmpty()) {
                    layerStats.put(variant, stats);
                }
            });
            if (!layerStats.isEmpty()) {
                LayerStdChart.save(layout.layerStdFigure(folder), layerStats);
            }
        }
        return new StudyReport(comparison, judgement, sweep, analyses, initTraining);
    }
}
