package org.convergence4j.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.models.MlpNet;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.probe.DepthRatios;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.statistics.PairedSample;
import org.convergence4j.train.TrainingSettings;

/**
 * The seminar's conclusion 1.4, "Xavier initialization suits tanh, He initialization suits ReLU", on three contrasts
 * between two nets with the same layers and activation that differ only in their initialization:
 * <ul>
 *   <li>tanh, 784→64→32→16×30→10: Xavier uniform ({@code d}) against He normal ({@code tanh_he});</li>
 *   <li>tanh, 784→500×10→10: Xavier normal ({@code b}) against N(0, 0.1²) ({@code a});</li>
 *   <li>ReLU, 784→64→32→16×30→10: He normal ({@code e}) against Xavier uniform ({@code relu_xavier}).</li>
 * </ul>
 * The verdict rests on what the notebook measured and gives as its reason, the std of activations and gradients
 * through depth at initialization ({@link #DEPTH}, Part 1's 10 initialization seeds): per net and seed, the log
 * ratio of the std at the last hidden layer to the first,
 * <pre>
 *   r = |log₂(σ_last / σ_first)|,
 * </pre>
 * for the activations (outputs of the first and last hidden layers) and for the gradients of the loss with respect
 * to them. The preferred net keeps the std "approximately equal through the layers" when r &lt; 1 (within a factor
 * of 2 from the first hidden layer to the last), and keeps it more nearly so than the other when
 * r(other) − r(preferred) &gt; 0, paired by initialization seed.
 *
 * <p>Beside it, not in the verdict, the trained nets ({@link #of}): per optimizer and contrast, the paired difference
 * of the final training loss (other − preferred, nats) and of the final test accuracy (preferred − other, pp).
 */
public final class InitializationClaims {

    /** The unit of the training-loss readings. */
    static final String UNIT = "nats";

    /** The contrasts, in the order of the class comment. */
    public static final List<Contrast> CONTRASTS = List.of(
            new Contrast(InitConfiguration.D, InitConfiguration.TANH_HE, "Xavier suits tanh"),
            new Contrast(InitConfiguration.B, InitConfiguration.A, "Xavier suits tanh"),
            new Contrast(InitConfiguration.E, InitConfiguration.RELU_XAVIER, "He suits ReLU"));

    /** "Approximately equal through the layers": r &lt; 1, within a factor of 2 from the first hidden layer to the last. */
    public static final double FACTOR_LOG2 = 1;

    /** The depth readings of every contrast, the verdict of 1.4. */
    public static final List<DepthClaim> DEPTH = CONTRASTS.stream().map(InitializationClaims::depth).toList();

    private InitializationClaims() {
    }

    /**
     * Two nets of the same layers and activation: the one the seminar's conclusion prefers and the other.
     *
     * @param preferred the net whose initialization the conclusion recommends
     * @param other the same layers and activation, initialized otherwise
     * @param conclusion the half of the seminar's conclusion it tests
     */
    public record Contrast(InitConfiguration preferred, InitConfiguration other, String conclusion) {

        /** @throws IllegalArgumentException unless the two nets differ only in their initialization */
        public Contrast {
            if (preferred.architecture() != other.architecture()
                    || preferred.mlp().activation() != other.mlp().activation()) {
                throw new IllegalArgumentException(preferred.key() + " and " + other.key()
                        + " must share layers and activation to isolate the initialization");
            }
        }

        /** e.g. "Xavier suits tanh: d against tanh_he (tanh, 784→64→32→16×30→10)". */
        public String text() {
            return conclusion + ": " + preferred.key() + " against " + other.key() + " (" + preferred.activation()
                    + ", " + preferred.architecture().label() + ")";
        }
    }

    /** What a depth reading takes the std of. */
    public enum Quantity {
        /** The hidden layers' outputs (forward pass). */
        ACTIVATIONS("activations"),
        /** The gradients of the loss with respect to the hidden layers' outputs (backward pass). */
        GRADIENTS("gradients");

        private final String text;

        Quantity(String text) {
            this.text = text;
        }

        /** In words. */
        public String text() {
            return text;
        }
    }

    /**
     * One reading of a contrast at initialization.
     *
     * @param name e.g. "activations of d"
     * @param statistic what the per-seed value is
     * @param quantity what its std is of
     * @param againstOther r(other) − r(preferred) when true, r(preferred) alone otherwise
     * @param hypothesis where the claim holds
     */
    public record DepthReading(String name, String statistic, Quantity quantity, boolean againstOther,
            Hypothesis hypothesis) {
    }

    /** A contrast at initialization with its readings. */
    public record DepthClaim(Contrast contrast, List<DepthReading> readings) {

        /** Copies the list. */
        public DepthClaim {
            readings = List.copyOf(readings);
        }
    }

    /**
     * The verdict of 1.4 at initialization: every depth reading of every contrast on the per-seed ratios of
     * {@code nets}, corrected by Holm's procedure over these readings, as the one sentence of 1.4. Seed k of one net
     * is paired with seed k of the other; a contrast whose nets were not measured is left out.
     */
    public static Judgement judgeDepth(Map<InitConfiguration, DepthRatios> nets, double level) {
        List<DepthClaim> measured = DEPTH.stream().filter(c -> nets.containsKey(c.contrast().preferred())
                && nets.containsKey(c.contrast().other())).toList();
        List<Finding> all = new ArrayList<>();
        for (DepthClaim c : measured) {
            for (DepthReading r : c.readings()) {
                Map<Long, Double> preferred = bySeed(nets.get(c.contrast().preferred()), r.quantity());
                Map<Long, Double> second = r.againstOther() ? preferred : zeros(preferred);
                Map<Long, Double> first = r.againstOther() ? bySeed(nets.get(c.contrast().other()), r.quantity())
                        : preferred;
                all.add(Finding.judge(Sentence.INITIALIZATION.section(), c.contrast().text(), r.name(), r.statistic(),
                        "", r.hypothesis(), PairedSample.of(first, second), level));
            }
        }
        List<Finding> corrected = Finding.corrected(all);
        List<ClaimVerdict> claims = new ArrayList<>();
        int from = 0;
        for (DepthClaim c : measured) {
            int to = from + c.readings().size();
            claims.add(ClaimVerdict.of(Sentence.INITIALIZATION.section(), c.contrast().text(),
                    corrected.subList(from, to)));
            from = to;
        }
        return claims.isEmpty() ? Judgement.NONE
                : new Judgement(List.of(SentenceVerdict.of(Sentence.INITIALIZATION, claims)));
    }

    private static Map<Long, Double> bySeed(DepthRatios ratios, Quantity q) {
        List<Double> values = q == Quantity.ACTIVATIONS ? ratios.activations() : ratios.gradients();
        Map<Long, Double> bySeed = new TreeMap<>();
        for (int k = 0; k < values.size(); k++) {
            bySeed.put(k + 1L, values.get(k));
        }
        return bySeed;
    }

    private static Map<Long, Double> zeros(Map<Long, Double> like) {
        Map<Long, Double> zeros = new TreeMap<>();
        like.keySet().forEach(k -> zeros.put(k, 0.0));
        return zeros;
    }

    private static DepthClaim depth(Contrast c) {
        List<DepthReading> readings = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            readings.add(new DepthReading(q.text() + " of " + c.preferred().key() + " about equal through depth",
                    "abs(log₂(σ_last / σ_first)) of the " + q.text() + " of " + c.preferred().key(), q, false,
                    Hypothesis.below(FACTOR_LOG2)));
        }
        for (Quantity q : Quantity.values()) {
            readings.add(new DepthReading(q.text() + " steadier than " + c.other().key(),
                    "paired difference of abs(log₂(σ_last / σ_first)) of the " + q.text() + ", " + c.other().key()
                            + " − " + c.preferred().key(), q, true, Hypothesis.above(0)));
        }
        return new DepthClaim(c, readings);
    }

    /**
     * The training readings on a study of Part 1's nets, beside the verdict: for each optimizer among
     * {@code variants} (Adam first, then plain SGD by ascending rate), the three contrasts trained with it.
     *
     * @param variants the study's variants; those that are not Part 1's nets are ignored
     * @param settings how the study trains them (Adam's learning rate and the epochs, for the claims' wording)
     */
    public static List<Claim> of(List<Variant> variants, TrainingSettings settings) {
        TreeSet<Double> optimizers = variants.stream().filter(v -> v.network() instanceof MlpNet)
                .map(v -> ((MlpNet) v.network()).sgd()).collect(Collectors.toCollection(TreeSet::new));
        List<Claim> claims = new ArrayList<>();
        for (double sgd : optimizers) {
            CONTRASTS.forEach(c -> claims.add(claim(c, sgd, settings)));
        }
        return List.copyOf(claims);
    }

    private static Claim claim(Contrast c, double sgd, TrainingSettings settings) {
        String optimizer = new MlpNet(c.preferred(), sgd).optimizer(settings.learningRate());
        String statement = c.conclusion() + " (" + optimizer + "): " + c.preferred().key() + " trains better "
                + "than " + c.other().key() + " (" + c.preferred().activation() + ", "
                + c.preferred().architecture().label() + ")";
        String after = " after " + settings.epochs() + (settings.epochs() == 1 ? " epoch" : " epochs");
        Variant preferred = variant(c.preferred(), sgd);
        Variant other = variant(c.other(), sgd);
        Region above = Region.of(Hypothesis.above(0));
        return new Claim(Sentence.INITIALIZATION, statement, preferred, other, List.of(
                new Reading("training loss", "paired difference " + c.other().key() + " − " + c.preferred().key()
                        + " of the final training loss" + after, UNIT, above, other, RunMeasures.FINAL_TRAIN_LOSS,
                        preferred, RunMeasures.FINAL_TRAIN_LOSS, 1),
                new Reading("test accuracy", "paired difference " + c.preferred().key() + " − " + c.other().key()
                        + " of the final test accuracy" + after, "pp", above, preferred,
                        RunMeasures.FINAL_TEST_ACCURACY, other, RunMeasures.FINAL_TEST_ACCURACY, 1)));
    }

    private static Variant variant(InitConfiguration net, double sgd) {
        return Variants.initialization(net).defaults().with(Variants.SGD.name(), sgd);
    }
}
