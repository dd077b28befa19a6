package org.convergence4j.study;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.study.Study.Output;
import org.convergence4j.train.TrainingSettings;

/**
 * The seminar's four parts as study values, and Part 1's nets trained beyond it, at the reference configuration that
 * {@code results/} holds.
 */
public final class Studies {

    /** Training seeds of Parts 2–4 and of Part 1's trained nets. */
    public static final List<Long> SEEDS = seeds(1, 3);
    /** Initialization seeds of Part 1. */
    public static final List<Long> INITIALIZATION_SEEDS = seeds(1, 10);

    /** Part 1: per-layer std of activations and gradients at initialization of deep tanh/ReLU MLPs. */
    public static final Study PART1 = new Study("Part 1", "part1-initialization", "Part1-initialization", List.of(),
            INITIALIZATION_SEEDS, TrainingSettings.seminar("mnist"), Set.of(Output.INITIALIZATION));

    /**
     * Epochs of Part 1's trained nets, a quarter of the TestNetwork's 20 (the 784→500×10→10 nets have 2.7 M
     * parameters each): the nets are compared by how far each initialization gets in the same budget of steps.
     */
    public static final int INIT_TRAINING_EPOCHS = 5;

    /**
     * Plain SGD's learning rate for Part 1's nets, without momentum. He et al. (2015) trained with SGD at 0.01 and
     * momentum 0.9, whose steady step is 0.01/(1 − 0.9) = 0.1 times the gradient; plain SGD at 0.1 takes steps of
     * that size without momentum's averaging, so that a gradient that vanishes through depth shows as layers that
     * barely move, which Adam's per-parameter scaling would hide. Plain SGD at 0.01 would take a tenth of that step.
     */
    public static final double SGD_LEARNING_RATE = 0.1;

    /**
     * Part 1's nets trained (beyond the seminar, which only initializes them): every initialization kind with Adam,
     * the seminar's optimizer, then with plain SGD at {@link #SGD_LEARNING_RATE}; {@value #INIT_TRAINING_EPOCHS}
     * epochs, the seminar's batch and Adam rate, seeds 1–3; written up with Part 1, in its folder.
     */
    public static final Study PART1_TRAINING = new Study("Part 1 training", PART1.folder(), PART1.writeup(),
            Stream.concat(Variants.INITIALIZATION_KINDS.stream().map(VariantKind::defaults),
                    Variants.INITIALIZATION_KINDS.stream().map(k -> k.defaults().with(Variants.SGD.name(),
                            SGD_LEARNING_RATE))).toList(),
            SEEDS, TrainingSettings.seminar("mnist").withEpochs(INIT_TRAINING_EPOCHS), Set.of(Output.INIT_TRAINING));

    /** Part 2: Dropout vs DropConnect on the TestNetwork, with the Baseline. */
    public static final Study PART2 = training("Part 2", "part2-dropout", "Part2-dropout",
            List.of(Variants.BASELINE, Variants.DROPOUT, Variants.DROPCONNECT), Set.of(Output.MEAN_CURVES, Output.COMPARISON));

    /** Part 3: BatchNorm vs the custom LayerNorm, and RMSNorm beyond the seminar. */
    public static final Study PART3 = training("Part 3", "part3-normalization", "Part3-normalization",
            List.of(Variants.BATCHNORM, Variants.LAYERNORM, Variants.RMSNORM), Set.of(Output.MEAN_CURVES, Output.COMPARISON));

    /** Part 4: every variant compared. */
    public static final Study PART4 = training("Part 4", "part4-comparison", "Part4-comparison", Variants.KINDS,
            Set.of(Output.COMPARISON, Output.COMPARISON_FIGURES));

    /** The whole reproduction, in the seminar's order, with Part 1's nets trained after Part 1. */
    public static final List<Study> SEMINAR = List.of(PART1, PART1_TRAINING, PART2, PART3, PART4);

    private Studies() {
    }

    /** The seeds {@code first … first + count − 1}; {@code count ≥ 1}, and the last seed must not overflow. */
    public static List<Long> seeds(long first, int count) {
        return LongStream.rangeClosed(first, first + (count - 1)).boxed().toList();
    }

    private static Study training(String name, String folder, String writeup, List<VariantKind> kinds,
            Set<Output> outputs) {
        List<Variant> variants = kinds.stream().map(VariantKind::defaults).toList();
        return new Study(name, folder, writeup, variants, SEEDS, TrainingSettings.seminar("mnist"), outputs);
    }
}
