package org.convergence4j.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.convergence4j.claims.Claim;
import org.convergence4j.claims.InitializationClaims;
import org.convergence4j.claims.SeminarClaims;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.VariantSpec;
import org.convergence4j.models.VariantKind.Comparison;
import org.convergence4j.models.Variants;
import org.convergence4j.study.Study.Output;
import org.convergence4j.train.TrainingSettings;

/**
 * The seminar's four parts, Part 1's nets trained beyond it, and the drop-probability sweep as study values, at the
 * reference configuration that {@code results/} holds.
 */
public final class Studies {

    /** How many seeds Parts 2–4 train per variant by default (see {@link #SEEDS}). */
    public static final int SEED_COUNT = 10;
    /**
     * Training seeds of Parts 2–4: 10, so that a paired difference of the seminar's size (0.1–0.3 pp) is either
     * resolved or bounded within the equivalence margin (with 3 seeds every interval contained 0).
     */
    public static final List<Long> SEEDS = seeds(1, Studies.SEED_COUNT);
    /** Seeds of each point of the drop-probability sweep: the first 5 of {@link #SEEDS}, so the seminar's values are reused. */
    public static final List<Long> SWEEP_SEEDS = seeds(1, Studies.SWEEP_SEED_COUNT);
    /** How many seeds each point of the sweep trains by default. */
    public static final int SWEEP_SEED_COUNT = 5;
    /**
     * How many seeds Part 1's trained nets train per net and optimizer by default: 5, so that the t multiplier of a
     * 95% interval is 2.78 (at 3 seeds it was 4.30).
     */
    public static final int INIT_TRAINING_SEED_COUNT = 5;
    /** Training seeds of Part 1's trained nets: 1–5. */
    public static final List<Long> INIT_TRAINING_SEEDS = seeds(1, INIT_TRAINING_SEED_COUNT);
    /** Initialization seeds of Part 1. */
    public static final List<Long> INITIALIZATION_SEEDS = seeds(1, 10);
    /** The sweep's drop probabilities of Dropout (PyTorch's p; the seminar's is 0.3). */
    public static final List<Double> SWEEP_DROP = List.of(0.1, 0.2, 0.3, 0.5, 0.7);
    /** The sweep's keep probabilities of DropConnect (the seminar's p; its choice is 0.8). */
    public static final List<Double> SWEEP_KEEP = List.of(0.5, 0.6, 0.7, 0.8, 0.9);

    /** Part 1: per-layer std of activations and gradients at initialization of deep tanh/ReLU MLPs. */
    public static final Study PART1 = new Study("Part 1", "part1-initialization", "Part1-initialization", List.of(),
            INITIALIZATION_SEEDS, TrainingSettings.seminar("mnist"), Set.of(Output.INITIALIZATION), List.of());

    /**
     * Epochs of Part 1's trained nets, a quarter of the TestNetwork's 20 (the 784→500×10→10 nets have 2.7 M
     * parameters each): the nets are compared by how far each initialization gets in the same budget of steps.
     */
    public static final int INIT_TRAINING_EPOCHS = 5;

    /**
     * Plain SGD's learning rate for Part 1's nets, without momentum: 0.01, He et al.'s (2015) rate, here without
     * their momentum 0.9, so that a gradient that vanishes through depth shows as layers that barely move, which
     * Adam's per-parameter scaling would hide. A first trial at 0.1 (the steady step of their SGD with momentum,
     * 0.01/(1 − 0.9)) left every 33-layer net at chance after 5 epochs and sent net c's loss to 12 nats, whatever the
     * initialization, so it could not tell initializations apart.
     */
    public static final double SGD_LEARNING_RATE = 0.01;

    /**
     * Part 1's nets trained (beyond the seminar, which only initializes them): every initialization kind with Adam,
     * the seminar's optimizer, then with plain SGD at {@link #SGD_LEARNING_RATE}; {@value #INIT_TRAINING_EPOCHS}
     * epochs, the seminar's batch and Adam rate, {@link #INIT_TRAINING_SEEDS}; its claims are the seminar's 1.4 per
     * optimizer ({@link InitializationClaims}); written up with Part 1, in its folder.
     */
    public static final Study PART1_TRAINING = initTraining();

    /** Part 2: Dropout vs DropConnect on the TestNetwork, with the Baseline: every kind of the regularization comparison. */
    public static final Study PART2 = training("Part 2", "part2-dropout", "Part2-dropout",
            Variants.in(Comparison.REGULARIZATION), Set.of(Output.MEAN_CURVES, Output.COMPARISON), SeminarClaims.PART2);

    /**
     * Part 3: BatchNorm vs the custom LayerNorm, and RMSNorm beyond the seminar: every kind of the normalization
     * comparison, so a new normalization layer joins by its registration alone; with the Baseline, the reference of
     * the plateau claim's readings.
     */
    public static final Study PART3 = training("Part 3", "part3-normalization", "Part3-normalization",
            Stream.concat(Stream.of(Variants.BASELINE), Variants.in(Comparison.NORMALIZATION).stream()).toList(),
            Set.of(Output.MEAN_CURVES, Output.COMPARISON), SeminarClaims.PART3);

    /** Part 4: every variant compared, and every conclusion of the notebook judged. */
    public static final Study PART4 = training("Part 4", "part4-comparison", "Part4-comparison", Variants.KINDS,
            Set.of(Output.COMPARISON, Output.COMPARISON_FIGURES, Output.ALL_VERDICTS, Output.VERDICTS_FIGURE),
            SeminarClaims.ALL);

    /**
     * The sweep the seminar suggests at its end ("perhaps play with the probability of zeroing"): Dropout's drop and
     * DropConnect's keep probability over five values each, with the Baseline as the reference, on
     * {@link #SWEEP_SEEDS}.
     */
    public static final Study SWEEP = new Study("Sweep", "sweep-drop-probability", "Sweep-drop-probability",
            sweepVariants(), SWEEP_SEEDS, TrainingSettings.seminar("mnist"), Set.of(Output.SWEEP), List.of());

    /** The whole reproduction, in the seminar's order with Part 1's nets trained after Part 1, then the sweep. */
    public static final List<Study> SEMINAR = List.of(PART1, PART1_TRAINING, PART2, PART3, PART4, SWEEP);

    /**
     * The write-up of the studies of new evidence, together, each verdict beside every other study's: all but
     * Fashion-MNIST, which has its own.
     */
    public static final String EVIDENCE_WRITEUP = "New-evidence";

    /** The notebook's five variants of Parts 2–4 as this project intends them: Baseline to LayerNorm. */
    public static final List<Variant> SEMINAR_VARIANTS = Stream.of(Variants.BASELINE, Variants.DROPOUT,
            Variants.DROPCONNECT, Variants.BATCHNORM, Variants.LAYERNORM).map(VariantKind::defaults).toList();

    /**
     * The models as the notebook ran them, where they differ from the intended ones: its DropConnect a single
     * DropConnect(196 → 10) after a ReLU ({@code hidden=0}), its BatchNorm net 512 units wide in the first hidden
     * layer ({@code first=512}), its LayerNorm one mean and one unbiased std of the whole batch ({@code whole=1});
     * with the Baseline and Dropout, which it ran as intended. Every claim of Parts 2–4 at the seminar's settings.
     */
    public static final Study AS_RUN = evidence("As the notebook ran", "notebook-as-run", EVIDENCE_WRITEUP,
            Stream.concat(Stream.of(Variants.BASELINE.defaults(), Variants.DROPOUT.defaults()),
                    VariantSpec.parse("DropConnect(hidden=0),BatchNorm(first=512),LayerNorm(whole=1)").stream())
                    .toList(),
            SEEDS, TrainingSettings.seminar("mnist"));

    /**
     * The five seminar variants on Fashion-MNIST, at the seminar's settings and seeds; written up on its own, each
     * verdict beside MNIST's, and beside the other new evidence in theirs.
     */
    public static final Study FASHION_MNIST = evidence("Fashion-MNIST", "fashion-mnist", "Fashion-MNIST",
            SEMINAR_VARIANTS, SEEDS, TrainingSettings.seminar("fashion-mnist"));

    /** Seeds of the learning-rate studies: 1–5. */
    public static final List<Long> LEARNING_RATE_SEEDS = seeds(1, 5);

    /** The five seminar variants with Adam at 3·10⁻⁴, a third of the seminar's rate. */
    public static final Study ADAM_3E4 = evidence("Adam 3e-4", "adam-3e-4", EVIDENCE_WRITEUP, SEMINAR_VARIANTS,
            LEARNING_RATE_SEEDS, TrainingSettings.seminar("mnist").withLearningRate(3e-4));

    /** The five seminar variants with Adam at 3·10⁻³, three times the seminar's rate. */
    public static final Study ADAM_3E3 = evidence("Adam 3e-3", "adam-3e-3", EVIDENCE_WRITEUP, SEMINAR_VARIANTS,
            LEARNING_RATE_SEEDS, TrainingSettings.seminar("mnist").withLearningRate(3e-3));

    /**
     * The new evidence on the seminar's claims beyond its reproduction: the models as the notebook ran them, a
     * second dataset, two other learning rates. Each judges every claim of Parts 2–4 with the readings of the plan.
     */
    public static final List<Study> EVIDENCE = List.of(AS_RUN, FASHION_MNIST, ADAM_3E4, ADAM_3E3);

    /**
     * What {@code results/} holds and the main command regenerates: the reproduction, then the studies of new
     * evidence whose runs are all committed. A study joins when its runs do, so that the main command on a fresh
     * clone only reuses stored runs; the section {@code NewEvidence} trains them before.
     */
    public static final List<Study> RESULTS = Stream.concat(SEMINAR.stream(), EVIDENCE.stream()).toList();

    /** Every study of the analysis plan: the reproduction, then the new evidence. */
    public static final List<Study> PLANNED = Stream.concat(SEMINAR.stream(), EVIDENCE.stream()).toList();

    private Studies() {
    }

    /** The seeds {@code first … first + count − 1}; {@code count ≥ 1}, and the last seed must not overflow. */
    public static List<Long> seeds(long first, int count) {
        return LongStream.rangeClosed(first, first + (count - 1)).boxed().toList();
    }

    private static Study initTraining() {
        List<Variant> variants = Stream.concat(Variants.INITIALIZATION_KINDS.stream().map(VariantKind::defaults),
                Variants.INITIALIZATION_KINDS.stream().map(k -> k.defaults().with(Variants.SGD.name(),
                        SGD_LEARNING_RATE))).toList();
        TrainingSettings settings = TrainingSettings.seminar("mnist").withEpochs(INIT_TRAINING_EPOCHS);
        return new Study("Part 1 training", PART1.folder(), PART1.writeup(), variants, INIT_TRAINING_SEEDS, settings,
                Set.of(Output.INIT_TRAINING), InitializationClaims.of(variants, settings));
    }

    private static List<Variant> sweepVariants() {
        List<Variant> variants = new ArrayList<>(List.of(Variants.BASELINE.defaults()));
        SWEEP_DROP.forEach(p -> variants.add(Variants.DROPOUT.defaults().with("drop", p)));
        SWEEP_KEEP.forEach(p -> variants.add(Variants.DROPCONNECT.defaults().with("keep", p)));
        return List.copyOf(variants);
    }

    private static Study training(String name, String folder, String writeup, List<VariantKind> kinds,
            Set<Output> outputs, List<Claim> claims) {
        List<Variant> variants = kinds.stream().map(VariantKind::defaults).toList();
        return new Study(name, folder, writeup, variants, SEEDS, TrainingSettings.seminar("mnist"), outputs,
                claims.stream().flatMap(c -> c.on(variants).stream()).toList());
    }

    private static Study evidence(String name, String folder, String writeup, List<Variant> variants,
            List<Long> seeds, TrainingSettings settings) {
        return new Study(name, folder, writeup, variants, seeds, settings,
                Set.of(Output.COMPARISON, Output.VERDICTS_FIGURE, Output.EVIDENCE),
                SeminarClaims.ALL.stream().flatMap(c -> c.on(variants).stream()).toList());
    }
}
