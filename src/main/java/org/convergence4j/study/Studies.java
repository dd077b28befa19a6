package org.convergence4j.study;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.study.Study.Output;
import org.convergence4j.train.TrainingSettings;

/** The seminar's four parts as study values, at the reference configuration that {@code results/} holds. */
public final class Studies {

    /** Training seeds of Parts 2–4. */
    public static final List<Long> SEEDS = seeds(1, 3);
    /** Initialization seeds of Part 1. */
    public static final List<Long> INITIALIZATION_SEEDS = seeds(1, 10);

    /** Part 1: per-layer std of activations and gradients at initialization of deep tanh/ReLU MLPs. */
    public static final Study PART1 = new Study("Part 1", "part1-initialization", "Part1-initialization", List.of(),
            INITIALIZATION_SEEDS, TrainingSettings.seminar("mnist"), Set.of(Output.INITIALIZATION));

    /** Part 2: Dropout vs DropConnect on the TestNetwork, with the Baseline. */
    public static final Study PART2 = training("Part 2", "part2-dropout", "Part2-dropout",
            List.of(Variants.BASELINE, Variants.DROPOUT, Variants.DROPCONNECT), Set.of(Output.MEAN_CURVES, Output.COMPARISON));

    /** Part 3: BatchNorm vs the custom LayerNorm, and RMSNorm beyond the seminar. */
    public static final Study PART3 = training("Part 3", "part3-normalization", "Part3-normalization",
            List.of(Variants.BATCHNORM, Variants.LAYERNORM, Variants.RMSNORM), Set.of(Output.MEAN_CURVES, Output.COMPARISON));

    /** Part 4: every variant compared. */
    public static final Study PART4 = training("Part 4", "part4-comparison", "Part4-comparison", Variants.KINDS,
            Set.of(Output.COMPARISON, Output.COMPARISON_FIGURES));

    /** The whole reproduction, in the seminar's order. */
    public static final List<Study> SEMINAR = List.of(PART1, PART2, PART3, PART4);

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
