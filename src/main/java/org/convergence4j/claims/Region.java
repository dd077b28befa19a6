package org.convergence4j.claims;

import org.convergence4j.data.Dataset;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.train.TrainingSettings;

/**
 * Where a reading's claim holds, given how its runs were trained: a fixed {@link Hypothesis}, or an equivalence
 * margin that depends on the dataset ({@link Dataset#equivalenceMargin()}).
 */
@FunctionalInterface
public interface Region {

    /** The region of the true value in which the claim holds, for runs trained with {@code settings}. */
    Hypothesis at(TrainingSettings settings);

    /** The same region whatever the runs. */
    static Region of(Hypothesis hypothesis) {
        return settings -> hypothesis;
    }

    /**
     * |θ| &lt; m in percentage points, m = {@link Dataset#equivalenceMargin()} of the runs' dataset: equivalence
     * within the binomial standard error of one test-set accuracy.
     */
    static Region equivalentOnTheTestSet() {
        return settings -> Hypothesis.within(100 * Dataset.of(settings.dataset()).equivalenceMargin());
    }
}
