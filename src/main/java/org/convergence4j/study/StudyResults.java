package org.convergence4j.study;

import java.util.List;
import java.util.Optional;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Sweep;

/**
 * What a training study's runs say, for its write-up: the comparison of its variants, the verdict on each of its
 * claims, and its sweep if it is one.
 *
 * @param comparison per variant statistics and per pair the intervals of the difference
 * @param findings the study's claims judged, in its order
 * @param sweep the end-point against the swept parameters, for a study with {@link Study.Output#SWEEP}
 */
public record StudyResults(Comparison comparison, List<Finding> findings, Optional<Sweep> sweep) {

    /** Copies the list. */
    public StudyResults {
        findings = List.copyOf(findings);
    }
}
