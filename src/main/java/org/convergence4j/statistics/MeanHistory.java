package org.convergence4j.statistics;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.TrainingHistory;

/** The per-epoch mean over seeds of several runs' histories. */
public final class MeanHistory {

    private MeanHistory() {
    }

    /**
     * Mean over {@code histories} of each metric, for the epochs all of them completed.
     *
     * @throws IllegalArgumentException if {@code histories} is empty
     */
    public static List<EpochMetrics> of(List<TrainingHistory> histories) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("no history to average");
        }
        int epochs = histories.stream().mapToInt(h -> h.epochs().size()).min().orElseThrow();
        int n = histories.size();
        List<EpochMetrics> mean = new ArrayList<>(epochs);
        for (int e = 0; e < epochs; e++) {
            double trainLoss = 0;
            double testLoss = 0;
            double trainAcc = 0;
            double testAcc = 0;
            double seconds = 0;
            for (TrainingHistory h : histories) {
                EpochMetrics m = h.epochs().get(e);
                trainLoss += m.trainLoss();
                testLoss += m.testLoss();
                trainAcc += m.trainAccuracy();
                testAcc += m.testAccuracy();
                seconds += m.seconds();
            }
            mean.add(new EpochMetrics(e + 1, trainLoss / n, testLoss / n, trainAcc / n, testAcc / n, seconds / n));
        }
        return mean;
    }
}
