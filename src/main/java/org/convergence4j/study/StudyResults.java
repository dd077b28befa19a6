package org.convergence4j.study;

import java.util.Optional;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.claims.Judgement;
import org.convergence4j.statistics.Sweep;

/**
 * What a training study's runs say, for its write-up: the comparison of its variants, the verdict on each of its
 * claims, and its sweep if it is one.
 *
 * @param comparison per variant statistics and per pair the intervals of the difference
 * @param judgement the study's claims judged: per notebook sentence its claims, per claim its readings
 * @param sweep the end-point against the swept parameters, for a study with {@link Study.Output#SWEEP}
 */
public record StudyResults(Comparison comparison, Judgement judgement, Optional<Sweep> sweep) {
}
