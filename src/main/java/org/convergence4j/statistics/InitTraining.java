package org.convergence4j.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.convergence4j.models.MlpNet;
import org.convergence4j.models.Variant;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingHistory;
import org.convergence4j.train.TrainingSettings;

/**
 * Part 1's nets trained (beyond the seminar, which only initializes them), computed from their run records: per net
 * and optimizer the final training loss and final test accuracy over its finished seeds, and the training loss per
 * epoch averaged over them. A diverged run is left out of every statistic (as in {@link VariantStatistics}), so
 * "final" always means the configured last epoch; its message is kept.
 *
 * @param settings how every run was trained
 * @param seeds the seeds the study asks for
 * @param chanceLoss ln 10 nats, the loss of predicting each of the 10 classes with probability 1/10; a net whose
 *     training loss stays near it has learned nothing (predicting MNIST's class frequencies instead gives their
 *     entropy, 2.3012 nats, only 0.0014 below)
 * @param chanceMargin how close to {@code chanceLoss}, as a fraction of it, a final training loss counts as not
 *     having learned ({@link #atChance})
 * @param nets one entry per variant, in the study's order
 */
public record InitTraining(TrainingSettings settings, List<Long> seeds, double chanceLoss, double chanceMargin,
        List<Net> nets) {

    /** ln 10. */
    public static final double CHANCE_LOSS = Math.log(10);
    /**
     * {@link #chanceMargin}: within 1% of ln 10, 0.023 nats, sixteen times the 0.0014 nats by which MNIST's class
     * frequencies beat the uniform guess.
     */
    public static final double CHANCE_MARGIN = 0.01;

    /**
     * One net with one optimizer.
     *
     * @param variant the variant's key, e.g. {@code InitD(sgd=0.01)}
     * @param net Part 1's key of the net, e.g. {@code d} or {@code relu_xavier}
     * @param architecture its layer sizes in arrow notation
     * @param label its activation and initialization, e.g. {@code tanh, N(0, 0.1²)}
     * @param sgd plain SGD's learning rate, 0 for Adam
     * @param optimizer the optimizer in words, e.g. {@code Adam, lr 0.001}
     * @param seedsConfigured how many seeds the study asks for
     * @param finishedSeeds the seeds whose runs trained every configured epoch, ascending
     * @param divergence the messages of the runs a non-finite loss stopped
     * @param finalTrainLoss the training loss (nats) of the last epoch over the finished seeds; empty without one
     * @param finalTestAccuracy the test accuracy (fraction) after the last epoch over the finished seeds
     * @param meanTrainLoss per epoch, the training loss averaged over the finished seeds
     * @param finalTrainLossPerSeed the last epoch's training loss of each finished seed, in the order of
     *     {@code finishedSeeds}: a mean can hide one seed that never learned
     */
    public record Net(String variant, String net, String architecture, String label, double sgd, String optimizer,
            int seedsConfigured, List<Long> finishedSeeds, List<String> divergence, Optional<Spread> finalTrainLoss,
            Optional<Spread> finalTestAccuracy, List<Double> meanTrainLoss, List<Double> finalTrainLossPerSeed) {

        /** Whether it trains with Adam rather than plain SGD. */
        public boolean adam() {
            return sgd == 0;
        }
    }

    /** Copies the lists. */
    public InitTraining {
        seeds = List.copyOf(seeds);
        nets = List.copyOf(nets);
    }

    /**
     * The statistics of {@code variants} over {@code runs} (any order; runs of other variants are ignored).
     *
     * @param seeds the seeds the study asks for
     * @param settings how the study trains every run
     * @throws IllegalArgumentException naming the variant if one is not one of Part 1's nets
     */
    public static InitTraining of(List<Variant> variants, List<Long> seeds, TrainingSettings settings,
            List<RunRecord> runs) {
        return new InitTraining(settings, seeds, CHANCE_LOSS, CHANCE_MARGIN, variants.stream().map(v -> net(v,
                seeds.size(), settings, runs.stream().filter(r -> r.variant().equals(v)).toList())).toList());
    }

    /**
     * Whether the mean final training loss of {@code net} is still within {@link #chanceMargin} of
     * {@link #chanceLoss}: it has not learned; false without a finished seed.
     */
    public boolean atChance(Net net) {
        return net.finalTrainLoss().map(s -> s.mean() >= (1 - chanceMargin) * chanceLoss).orElse(false);
    }

    /** The finished seeds of {@code net} whose final training loss is within {@link #chanceMargin} of chance. */
    public List<Long> seedsAtChance(Net net) {
        List<Long> stuck = new ArrayList<>();
        for (int i = 0; i < net.finishedSeeds().size(); i++) {
            if (net.finalTrainLossPerSeed().get(i) >= (1 - chanceMargin) * chanceLoss) {
                stuck.add(net.finishedSeeds().get(i));
            }
        }
        return stuck;
    }

    private static Net net(Variant variant, int seedsConfigured, TrainingSettings settings, List<RunRecord> runs) {
        if (!(variant.network() instanceof MlpNet mlp)) {
            throw new IllegalArgumentException(variant.key() + " is not one of Part 1's nets but "
                    + variant.description());
        }
        List<RunRecord> finished = runs.stream().filter(RunRecord::complete)
                .sorted(Comparator.comparingLong(RunRecord::seed)).toList();
        List<Double> meanTrainLoss = finished.isEmpty() ? List.of()
                : MeanHistory.of(finished.stream().map(RunRecord::history).toList()).stream()
                        .map(EpochMetrics::trainLoss).toList();
        return new Net(variant.key(), mlp.net().key(), mlp.net().architecture().label(), mlp.net().label(), mlp.sgd(),
                mlp.optimizer(settings.learningRate()), seedsConfigured,
                finished.stream().map(RunRecord::seed).toList(),
                runs.stream().sorted(Comparator.comparingLong(RunRecord::seed)).flatMap(r -> r.divergence().stream())
                        .toList(),
                atLastEpoch(finished, EpochMetrics::trainLoss), atLastEpoch(finished, EpochMetrics::testAccuracy),
                meanTrainLoss, finished.stream().map(r -> r.history().last().trainLoss()).toList());
    }

    private static Optional<Spread> atLastEpoch(List<RunRecord> runs, ToDoubleFunction<EpochMetrics> metric) {
        return runs.isEmpty() ? Optional.empty() : Optional.of(Spread.of(runs.stream().map(RunRecord::history)
                .map(TrainingHistory::last).mapToDouble(metric).toArray()));
    }
}
