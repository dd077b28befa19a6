package org.convergence4j.writeups;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.convergence4j.claims.Claim;
import org.convergence4j.claims.InitializationClaims;
import org.convergence4j.claims.Reading;
import org.convergence4j.claims.Sentence;
import org.convergence4j.data.Dataset;
import org.convergence4j.models.Variant;
import org.convergence4j.persistence.AtomicFiles;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.statistics.EndPoint;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.LateSlope;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.train.TrainingSettings;

/**
 * The analysis plan of a command's studies, {@code analysis-plan.md}, written from the code that judges them: the
 * end-point, the intervals, margins and thresholds, the correction for multiplicity and its families, and per study
 * its runs and the claims it judges with their statistics and regions. Every write-up cites the plan by its SHA-256,
 * so a verdict can be traced to the plan it was judged by, and git history shows which runs came after which plan.
 * The text holds no date or machine, so rewriting it from the same code changes nothing.
 */
public final class AnalysisPlan {

    /**
     * What was chosen after which results, for the reader to weigh: the plan states the rules as they are now, and
     * these choices were made with results in view.
     */
    static final List<String> HISTORY = List.of(
            "The end-point (the mean over the last epochs), the notebook's claims as statistics with regions, and an "
                    + "equivalence margin of ±0.15 pp were fixed after the runs of seeds 1–3 had been committed with "
                    + "their write-ups, before the runs of seeds 4–10 were trained.",
            "That margin's stated rationale, the size of the differences the notebook judges, came from this "
                    + "project's own 3-seed runs: the notebook printed no numbers. It was replaced, after every run "
                    + "of Parts 2–4 had been seen, by the binomial standard error of one test accuracy at the "
                    + "accuracy published for such nets, which does not come from these runs.",
            "Part 1's plain-SGD learning rate was lowered from 0.1 to 0.01 after a first look at 0.1, where no "
                    + "33-layer net left chance.",
            "Holm's correction over each study's claims and pairs, and the late slope beside the end-point, were "
                    + "added after every run of Parts 1–4 and of the sweep had been trained.",
            "The readings of every claim (whole curve, test NLL, gaps against the Baseline and in inference mode, "
                    + "epochs to the plateau at three thresholds, the training behaviour), the verdict over readings "
                    + "and the headline over the notebook's sentences were fixed after every run of Parts 2–4 and "
                    + "the sweep had been trained and read under the single readings before them; they are judged "
                    + "afresh on the studies of the new evidence (the models as the notebook ran them, "
                    + "Fashion-MNIST, Adam at 3e-4 and 3e-3), none of whose runs had been trained when this plan "
                    + "was first committed with them.",
            "Part 1's depth readings (the std at the last hidden layer over the first, within a factor of 2) were "
                    + "fixed after Part 1's untrained tables had been committed; seeds 4–5 of Part 1's trained nets "
                    + "were added after seeds 1–3 had been read.");

    private final String text;

    private AnalysisPlan(String text) {
        this.text = text;
    }

    /**
     * The plan a command with {@code studies} writes and cites: the project's reference studies
     * ({@link Studies#PLANNED}) always, so that every section writing the committed results writes the same plan,
     * followed by the command's own studies where they are not reference ones (other settings or variants).
     */
    public static AnalysisPlan of(List<Study> studies) {
        List<Study> others = studies.stream().filter(s -> s.trains() && !Studies.PLANNED.contains(s)).toList();
        return new AnalysisPlan(text(Studies.PLANNED, others));
    }

    /** Writes it to the folder's {@link ResultsLayout#analysisPlan()}, atomically. */
    public void write(ResultsLayout layout) {
        AtomicFiles.writeString(layout.analysisPlan(), text);
    }

    /** A Markdown link to it from a write-up of {@code layout}. */
    String link(ResultsLayout layout) {
        return "[" + layout.analysisPlan().getFileName() + "](" + Markdown.relative(layout.notebooks(),
                layout.analysisPlan()) + ")";
    }

    /** The SHA-256 of its text, in a code span: what a write-up cites it by. */
    String hash() {
        return "`" + sha256(text) + "`";
    }

    /** The plan of the {@code reference} studies, then of the {@code others}, as Markdown. */
    static String text(List<Study> reference, List<Study> others) {
        List<String> lines = new ArrayList<>();
        lines.add("# Analysis plan");
        lines.add("");
        lines.add("*Written from the code by `org.convergence4j.writeups.AnalysisPlan`; do not edit by hand. Every "
                + "write-up cites this file's SHA-256. Runs trained after a version of this file was committed are "
                + "judged by it; git history shows the order.*");
        lines.add("");
        lines.add("## How every study is judged");
        lines.add("");
        lines.add(Markdown.bullets(List.of(
                "**End-point** of a run: its mean test accuracy over its last " + EndPoint.EPOCHS + " epochs ("
                        + EndPoint.epochs(TrainingSettings.SEMINAR_EPOCHS) + " of the seminar's "
                        + TrainingSettings.SEMINAR_EPOCHS + ").",
                "**Late slope** of a run, the end-point's premise: the least-squares slope of its test accuracy "
                        + "over its last " + LateSlope.EPOCHS + " epochs (" + LateSlope.epochs(
                                TrainingSettings.SEMINAR_EPOCHS) + "), reported with its interval, not judged.",
                "**Intervals**: " + percent(Comparison.LEVEL) + "% t intervals of the mean over seeds; two variants "
                        + "are compared seed by seed (paired), Welch's unpaired interval beside it.",
                "**Equivalence margin** of two test accuracies: the binomial standard error of one accuracy on the "
                        + Dataset.TEST_SIZE + " test images at the accuracy published for such nets, √(a(1 − a)/"
                        + Dataset.TEST_SIZE + "): " + Arrays.stream(Dataset.values()).map(d -> d.id() + " a = "
                                + Numbers.wholePercent(d.publishedAccuracy()) + "%, ±" + Numbers.percent(
                                        d.equivalenceMargin()) + " pp").collect(Collectors.joining("; ")) + ".",
                "**Pairs**: better when the paired interval of the end-points excludes 0; equivalent when it lies "
                        + "inside ± the margin; not resolved otherwise. The first epoch with ≥ "
                        + Numbers.wholePercent(Comparison.THRESHOLD) + "% test accuracy is reported, not judged.",
                "**Readings**: each claim has the readings in its study's table; a reading is supported when the "
                        + "whole interval of its statistic lies in its region, contradicted when none of it does, not "
                        + "resolved otherwise, not applicable when the runs lack what it measures.",
                "**Claims**: supported when every reading is supported, contradicted when every reading is "
                        + "contradicted, *depends on the reading* when some readings are supported and others "
                        + "contradicted (each named), not resolved otherwise; readings not applicable are left out.",
                "**Sentences**: the headline counts the notebook's sentences (" + Sentence.values().length
                        + "), each with the verdict of its claims combined by the same rule.",
                "**Multiplicity**: Holm's step-down procedure over each study's readings, and separately over each "
                        + "study's pairs, each test entering with its one-sided p-value at " + percent(Finding.ALPHA)
                        + "% (the side of a " + percent(Comparison.LEVEL) + "% interval); the corrected verdict is "
                        + "the primary one, the uncorrected beside it.",
                "**Inference-mode training accuracy**: each stored final network evaluated on the whole training "
                        + "set with the masks off (BatchNorm with its running statistics), once, into its run "
                        + "record.",
                "**Part 1 (1.4)**: the verdict rests on the depth readings at initialization over "
                        + Studies.INITIALIZATION_SEEDS.size() + " seeds; the trained nets' readings (final training "
                        + "loss and test accuracy, " + Studies.INIT_TRAINING_SEED_COUNT + " seeds) stand beside it "
                        + "and are not part of it.")));
        lines.add("");
        lines.add("## Part 1 at initialization (1.4)");
        lines.add("");
        lines.add("Nets a–f, relu_xavier and tanh_he; initialization seeds " + seeds(Studies.INITIALIZATION_SEEDS)
                + "; one fixed batch of training images. σ_first and σ_last: the std of the "
                + "first and the last hidden layer's outputs (activations) or of the loss gradient with respect to "
                + "them (gradients), over the batch and the layer's units.");
        lines.add("");
        List<List<String>> depth = new ArrayList<>();
        for (InitializationClaims.DepthClaim c : InitializationClaims.DEPTH) {
            for (InitializationClaims.DepthReading r : c.readings()) {
                depth.add(List.of(Sentence.INITIALIZATION.section(), c.contrast().text(), r.name(), r.statistic(),
                        Verdicts.region(r.hypothesis(), "")));
            }
        }
        lines.add(Markdown.table(List.of("notebook", "claim", "reading", "statistic", "the claim holds if"), depth)
                .strip());
        List<Study> studies = new ArrayList<>(reference);
        studies.addAll(others);
        for (Study s : studies) {
            if (!s.trains()) {
                continue;
            }
            lines.add("");
            lines.add("## " + s.name() + (others.contains(s) ? " (this folder's settings, not the reference ones)" : ""));
            lines.add("");
            TrainingSettings t = s.training();
            lines.add(String.format(Locale.ROOT, "Runs: %s; seeds %s; %s, %d epochs, Adam %s, batch %d, %s.",
                    s.variants().stream().map(Variant::key).collect(Collectors.joining(", ")), seeds(s.seeds()),
                    t.dataset(), t.epochs(), BigDecimal.valueOf(t.learningRate()).toPlainString(), t.batchSize(),
                    t.trainSubset() == 0 ? "the whole training set" : "the first " + t.trainSubset() + " examples"));
            if (!s.claims().isEmpty()) {
                lines.add("");
                List<List<String>> rows = new ArrayList<>();
                for (Claim c : s.claims()) {
                    for (Reading r : c.readings()) {
                        rows.add(List.of(c.section(), c.text(), r.name(), statistic(c, r),
                                Verdicts.region(r.region().at(t), r.unit())));
                    }
                }
                lines.add(Markdown.table(List.of("notebook", "claim", "reading", "statistic", "the claim holds if"),
                        rows).strip());
            }
        }
        lines.add("");
        lines.add("## The notebook's sentences");
        lines.add("");
        lines.add(Markdown.table(List.of("notebook", "sentence"), Arrays.stream(Sentence.values())
                .map(x -> List.of(x.section(), x.text())).toList()).strip());
        lines.add("");
        lines.add("## Which choices came after which results");
        lines.add("");
        lines.add(Markdown.bullets(HISTORY));
        return String.join("\n", lines) + "\n";
    }

    /** The SHA-256 of {@code text} in hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String statistic(Claim c, Reading r) {
        return c.named(r.statistic()) + (r.minEpochs() > 1 ? " (needs ≥ " + r.minEpochs() + " epochs)" : "");
    }

    private static String seeds(List<Long> seeds) {
        return seeds.size() > 2 && seeds.get(seeds.size() - 1) - seeds.get(0) == seeds.size() - 1
                ? seeds.get(0) + "–" + seeds.get(seeds.size() - 1) : seeds.toString();
    }

    /** A fraction in percent, without the binary rounding of 1 − 0.95: 0.025000000000000022 → {@code 2.5}. */
    private static String percent(double fraction) {
        return new BigDecimal(100 * fraction).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
