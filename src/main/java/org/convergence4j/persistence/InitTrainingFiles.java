package org.convergence4j.persistence;

import org.convergence4j.statistics.InitTraining;

/**
 * Writes Part 1's trained nets as two files of the study's folder, atomically (the verdicts on its claims go to
 * {@code verdicts.json}, as every study's):
 * <ul>
 *   <li>{@code training.csv}, one row per net and optimizer: finished and configured seeds, mean and sample sd of
 *       the final training loss (nats) and of the final test accuracy (fraction);</li>
 *   <li>{@code training.json}, the {@link InitTraining} record itself (also the training loss per epoch), from which
 *       the write-up prints.</li>
 * </ul>
 * A value that does not exist (an sd from one seed, a net without a finished seed) is an empty CSV cell and a JSON
 * {@code null}. Doubles are written in full ({@link Double#toString}).
 */
public final class InitTrainingFiles {

    /** Header of {@code training.csv}. */
    public static final String HEADER = "variant,net,architecture,activation_and_init,optimizer,seeds_finished,"
            + "seeds_configured,train_loss_mean,train_loss_sd,test_acc_mean,test_acc_sd";

    private InitTrainingFiles() {
    }

    /** Writes the two files in {@code folder}, creating it if needed. */
    public static void write(ResultsLayout layout, String folder, InitTraining training) {
        AtomicFiles.writeString(layout.initTrainingCsv(folder), csv(training));
        Json.write(layout.initTrainingJson(folder), training);
    }

    /** The text of {@code training.csv}. */
    public static String csv(InitTraining training) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (InitTraining.Net n : training.nets()) {
            csv.append(String.join(",", ComparisonFiles.quoted(n.variant()), n.net(), n.architecture(),
                    ComparisonFiles.quoted(n.label()), ComparisonFiles.quoted(n.optimizer()),
                    String.valueOf(n.finishedSeeds().size()), String.valueOf(n.seedsConfigured()),
                    ComparisonFiles.mean(n.finalTrainLoss()), ComparisonFiles.sd(n.finalTrainLoss()),
                    ComparisonFiles.mean(n.finalTestAccuracy()), ComparisonFiles.sd(n.finalTestAccuracy())))
                    .append('\n');
        }
        return csv.toString();
    }
}
