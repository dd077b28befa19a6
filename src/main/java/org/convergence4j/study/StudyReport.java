package org.convergence4j.study;

import java.util.Optional;
import org.convergence4j.claims.Judgement;
import org.convergence4j.statistics.Analyses;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.InitTraining;
import org.convergence4j.statistics.Sweep;

/**
 * What a training study's runs say, as one value: every table, figure and sentence of its write-up is a rendering
 * of it, and its JSON files are its parts ({@code comparison.json}, {@code verdicts.json}, {@code sweep.json},
 * {@code training.json}).
 *
 * @param comparison per variant statistics and per pair the intervals of the difference
 * @param judgement the study's claims judged: per notebook sentence its claims, per claim its readings
 * @param sweep the end-point against the swept parameters, for a study with {@link Study.Output#SWEEP}
 * @param analyses what the runs measured beside their curves (inference rules, batch dependence, layer stats)
 * @param initTraining Part 1's trained nets, for a study with {@link Study.Output#INIT_TRAINING}
 */
public record StudyReport(Comparison comparison, Judgement judgement, Optional<Sweep> sweep, Analyses analyses,
        Optional<InitTraining> initTraining) {
}
