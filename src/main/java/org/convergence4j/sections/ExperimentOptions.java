package org.convergence4j.sections;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.VariantSpec;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.study.Shard;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.train.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options of the sections that train variants, mixed in with {@code @Mixin}: they turn the section's reference
 * studies into the studies to run.
 */
public final class ExperimentOptions {

    /** Epochs of a {@code --quick} run. */
    static final int QUICK_EPOCHS = 2;
    /** Training examples of a {@code --quick} run. */
    static final int QUICK_EXAMPLES = 10_000;
    /** Where {@code --quick} runs go without {@code --out}. */
    static final Path QUICK_OUT = Path.of("results-quick");
    /** Where runs at other than the reference settings go without {@code --out}. */
    static final Path CUSTOM_OUT = Path.of("results-custom");

    @Option(names = "--variants", paramLabel = "LIST", description = "Variants to train, e.g. "
            + "'Baseline,Dropout(drop=0.5),DropConnect(keep=0.6)' (default: the section's; with this option the "
            + "drop-probability sweep is not run). Known: ${sys:c4j.variants}")
    String variants;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs per run, ≥ 1 (default: each study's "
            + "own, " + TrainingSettings.SEMINAR_EPOCHS + " for the TestNetwork, " + Studies.INIT_TRAINING_EPOCHS
            + " for Part 1's nets; " + QUICK_EPOCHS + " with --quick).")
    Integer epochs;

    @Option(names = "--seeds", paramLabel = "N", description = "Runs per variant, with seeds S, S+1, … (default: "
            + Studies.SEED_COUNT + "; the sweep: " + Studies.SWEEP_SEED_COUNT + "; Part 1's nets: "
            + Studies.INIT_TRAINING_SEED_COUNT + ").")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "S", description = "First seed of initialization, shuffling and masks (default: 1).")
    Long seed;

    @Option(names = "--quick", description = "Smoke run: " + QUICK_EPOCHS + " epochs (unless --epochs is given) on the "
            + "first " + QUICK_EXAMPLES + " training examples; results go to " + "results-quick/ unless --out is given.")
    boolean quick;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "Adam's learning rate, > 0 (default: "
            + "each study's own, the seminar's " + TrainingSettings.SEMINAR_LEARNING_RATE + "; Part 1's plain-SGD nets "
            + "keep their own rate).")
    Double learningRate;

    @Option(names = "--dataset", paramLabel = "NAME", description = "mnist or fashion-mnist (default: ${DEFAULT-VALUE}).")
    String dataset = "mnist";

    @Option(names = "--force", description = "Retrain runs even when finished ones with the same configuration are stored.")
    boolean force;

    @Option(names = "--report-only", description = "Train nothing: rewrite curves, summary, comparison and write-ups from "
            + "the stored runs (needs no dataset).")
    boolean reportOnly;

    @Option(names = "--jobs", paramLabel = "N", description = "Runs trained at once, one core each (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard", paramLabel = "K/N", description = "Train only the K-th of N parts of the run list, for "
            + "spreading a study over processes or machines that share the results folder (see docs/CLUSTER.md).")
    String shard;

    static {
        System.setProperty("c4j.variants", Variants.usage());
    }

    /**
     * The studies to run: {@code reference} with these options applied, each option overriding only what it names
     * (a study keeps its own epochs unless {@code --epochs} or {@code --quick} is given, its own seeds unless
     * {@code --seeds} or {@code --seed} is). {@code --variants} keeps, in each training study, the given variants of
     * the kinds that study compares (a study left without any is dropped) and drops the sweep, whose variants are
     * its list of values; Part 1, its trained nets included, runs on MNIST only; a study of new evidence runs only
     * without any of these options, at its own settings.
     *
     * @throws CommandLine.ParameterException naming the option, the value and what is allowed
     */
    List<Study> studies(List<Study> reference, CommandLine commandLine) {
        validate(commandLine);
        Optional<List<Variant>> chosen = Optional.ofNullable(variants).map(text -> parse(text, commandLine));
        Set<VariantKind> compared = reference.stream().flatMap(s -> s.variants().stream()).map(Variant::kind)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (Variant v : chosen.orElse(List.of())) {
            if (!compared.contains(v.kind())) {
                throw new CommandLine.ParameterException(commandLine, "--variants " + variants + ": " + v.kind().name()
                        + " is compared by " + String.join(", ", TrainingSection.sectionsComparing(v.kind()))
                        + ", not by this section, which compares "
                        + compared.stream().map(VariantKind::name).collect(Collectors.joining(", ")));
            }
        }
        List<Study> studies = new ArrayList<>();
        for (Study s : reference) {
            if (s.initialization() && !dataset.equals("mnist")) {
                continue;
            }
            if (s.outputs().contains(Study.Output.EVIDENCE)) {
                if (!changesTraining()) {
                    studies.add(s); // evidence is fixed at its own settings, variants and seeds
                }
                continue;
            }
            if (!s.trains()) {
                studies.add(s);
                continue;
            }
            Study t = s.withTraining(training(s.training()));
            if (seeds != null || seed != null) {
                t = t.withSeeds(Studies.seeds(seed != null ? seed : 1, seeds != null ? seeds : s.seeds().size()));
            }
            if (chosen.isPresent() && s.outputs().contains(Study.Output.SWEEP)) {
                continue; // a sweep is its list of values: --variants chooses what the comparisons train instead
            }
            if (chosen.isPresent()) {
                Set<VariantKind> kinds = s.variants().stream().map(Variant::kind).collect(Collectors.toSet());
                List<Variant> own = chosen.get().stream().filter(v -> kinds.contains(v.kind())).toList();
                if (own.isEmpty()) {
                    continue;
                }
                t = t.withVariants(own);
            }
            studies.add(t);
        }
        WorkLimits.checkRuns(commandLine, studies);
        return studies;
    }

    /**
     * A study's own settings with what these options name changed: the dataset, {@code --learning-rate}, {@code --epochs} (else
     * {@code --quick}'s epochs) and {@code --quick}'s training subset; its learning rate, batch size and, without
     * those options, its epochs stay its own.
     */
    private TrainingSettings training(TrainingSettings own) {
        TrainingSettings t = own.withDataset(dataset);
        if (learningRate != null) {
            t = t.withLearningRate(learningRate);
        }
        if (epochs != null || quick) {
            t = t.withEpochs(epochs != null ? epochs : QUICK_EPOCHS);
        }
        return quick ? t.withTrainSubset(QUICK_EXAMPLES) : t;
    }

    /** Whether an option changes what the studies train (a study of new evidence then runs not at all). */
    private boolean changesTraining() {
        return variants != null || epochs != null || seeds != null || seed != null || quick || learningRate != null
                || !dataset.equals("mnist");
    }

    /** {@code --shard}, or the whole list. @throws CommandLine.ParameterException saying what is expected */
    Shard shard(CommandLine commandLine) {
        try {
            return shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--shard: " + e.getMessage());
        }
    }

    /** Where results go without {@code --out}: only the reference studies may write the committed results. */
    Path defaultOut(boolean reference) {
        return quick ? QUICK_OUT : reference ? ResultsLayout.REFERENCE : CUSTOM_OUT;
    }

    private static List<Variant> parse(String text, CommandLine commandLine) {
        try {
            return VariantSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--variants '" + text + "': " + e.getMessage());
        }
    }

    private void validate(CommandLine commandLine) {
        shard(commandLine);
        if (epochs != null && epochs < 1) {
            throw new CommandLine.ParameterException(commandLine, "--epochs must be ≥ 1, got " + epochs);
        }
        if (seeds != null && seeds < 1) {
            throw new CommandLine.ParameterException(commandLine, "--seeds must be ≥ 1, got " + seeds);
        }
        WorkLimits.checkEpochs(commandLine, epochs);
        WorkLimits.checkSeeds(commandLine, seeds);
        long first = seed != null ? seed : 1;
        int count = seeds != null ? seeds : Studies.SEEDS.size();
        if (first > Long.MAX_VALUE - (count - 1)) {
            throw new CommandLine.ParameterException(commandLine, "--seed " + first + " with --seeds " + count
                    + " runs past the largest seed " + Long.MAX_VALUE + "; choose a smaller --seed");
        }
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new CommandLine.ParameterException(commandLine, "--learning-rate must be a positive number, got "
                    + learningRate + "; the seminar's is " + TrainingSettings.SEMINAR_LEARNING_RATE);
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(commandLine, "--jobs must be ≥ 1, got " + jobs);
        }
        if (!List.of("mnist", "fashion-mnist").contains(dataset)) {
            throw new CommandLine.ParameterException(commandLine,
                    "--dataset must be mnist or fashion-mnist, got '" + dataset + "'");
        }
    }
}
