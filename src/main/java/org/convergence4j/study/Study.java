package org.convergence4j.study;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.convergence4j.claims.Claim;
import org.convergence4j.models.Variant;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.TrainingSettings;

/**
 * A study as a value: what to train (variants × seeds with shared settings) and what to make of it (the outputs
 * and write-up it asks for). The seminar's Parts 1–4 are four such values ({@link Studies}); a sweep over a
 * parameter is another, a list of variant values.
 *
 * @param name a short name for the console, e.g. {@code Part 2}
 * @param folder its output folder under the results root, e.g. {@code part2-dropout}
 * @param writeup the name of its write-up template and file, e.g. {@code Part2-dropout}
 * @param variants the variants it trains, in the order of its tables; none for Part 1's initialization study
 * @param seeds the seeds of each variant (Part 1: its initialization seeds)
 * @param training how every run is trained
 * @param outputs what it writes from the runs
 * @param claims the seminar's conclusions its runs test, judged in its verdict table
 */
public record Study(String name, String folder, String writeup, List<Variant> variants, List<Long> seeds,
        TrainingSettings training, Set<Output> outputs, List<Claim> claims) {

    /** What a study writes. */
    public enum Output {
        /** Part 1: per-layer std of activations and gradients of deep MLPs at initialization. */
        INITIALIZATION,
        /** Per variant, the mean curves over seeds (CSV and PNG). */
        MEAN_CURVES,
        /** Per variant mean ± sd of the final figures and per pair the interval of the difference (CSV, JSON). */
        COMPARISON,
        /** The seminar's {@code compare_results} figure and the per-layer std during training. */
        COMPARISON_FIGURES,
        /** The end-point against each swept parameter, with the study's first variant as the reference band (figure, CSV, JSON). */
        SWEEP,
        /** A verdict table of every study of the command, not only its own claims. */
        ALL_VERDICTS,
        /** The figure of its verdicts ({@code verdicts.png}): every reading against its region, gaps, curves. */
        VERDICTS_FIGURE,
        /**
         * New evidence on the seminar's claims (other models, dataset or learning rate): written up together with the
         * other such studies of the command, beside the verdicts of the reproduction ({@link Studies#PART4}).
         */
        EVIDENCE,
        /**
         * Part 1's nets trained: the training loss per epoch per initialization (PNG) and per net the final training
         * loss and test accuracy (CSV, JSON); written up with Part 1, with the verdicts on its claims (the seminar's
         * 1.4).
         */
        INIT_TRAINING
    }

    /** Copies the collections. @throws IllegalArgumentException if there are no seeds or a variant repeats */
    public Study {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(writeup, "writeup");
        Objects.requireNonNull(training, "training");
        variants = List.copyOf(variants);
        seeds = List.copyOf(seeds);
        outputs = outputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outputs));
        claims = List.copyOf(claims);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException(name + ": a study needs at least one seed");
        }
        if (variants.stream().distinct().count() != variants.size()) {
            throw new IllegalArgumentException(name + ": a variant is listed twice in " + variants);
        }
    }

    /** Whether it trains runs (Part 1's initialization study does not). */
    public boolean trains() {
        return !variants.isEmpty();
    }

    /**
     * Whether it is part of Part 1, the initialization study or its trained nets: written up in Part 1's write-up
     * from the files of its folder, and of MNIST only.
     */
    public boolean initialization() {
        return outputs.contains(Output.INITIALIZATION) || outputs.contains(Output.INIT_TRAINING);
    }

    /** Its runs in seed-major order, so that a study stopped part-way has every variant at the first seeds. */
    public List<RunSpec> runs() {
        return seeds.stream().flatMap(seed -> variants.stream().map(v -> new RunSpec(v, seed, training))).toList();
    }

    /**
     * The same study with other variants, its claims made on them ({@link Claim#on}): a claim is judged on the
     * variants trained, never on one that was not.
     */
    public Study withVariants(List<Variant> newVariants) {
        List<Claim> made = claims.stream().flatMap(c -> c.on(newVariants).stream()).distinct().toList();
        return new Study(name, folder, writeup, newVariants, seeds, training, outputs, made);
    }

    /**
     * The claims of this study that {@code newVariants} cannot test, each as one line saying why, e.g.
     * {@code 2.3 Dropout is better than DropConnect: left out, DropConnect was not trained}.
     */
    public List<String> claimsLeftOutBy(List<Variant> newVariants) {
        return claims.stream().flatMap(c -> c.whyNotOn(newVariants)
                .map(why -> c.section() + " " + c.text() + ": left out, " + why).stream()).toList();
    }

    /** The same study with other seeds. */
    public Study withSeeds(List<Long> newSeeds) {
        return new Study(name, folder, writeup, variants, newSeeds, training, outputs, claims);
    }

    /** The same study trained otherwise. */
    public Study withTraining(TrainingSettings newTraining) {
        return new Study(name, folder, writeup, variants, seeds, newTraining, outputs, claims);
    }
}
