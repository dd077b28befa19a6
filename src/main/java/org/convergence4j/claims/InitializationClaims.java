package org.convergence4j.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.models.MlpNet;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.train.TrainingHistory;
import org.convergence4j.train.TrainingSettings;

/**
 * The seminar's conclusion 1.4, "Xavier initialization suits tanh, He initialization suits ReLU", as {@link Claim}s on
 * Part 1's trained nets. Per optimizer, three contrasts between two nets with the same layers and activation that
 * differ only in their initialization:
 * <ul>
 *   <li>tanh, 784→64→32→16×30→10: He normal ({@code tanh_he}) against Xavier uniform ({@code d});</li>
 *   <li>tanh, 784→500×10→10: N(0, 0.1²) ({@code a}) against Xavier normal ({@code b});</li>
 *   <li>ReLU, 784→64→32→16×30→10: Xavier uniform ({@code relu_xavier}) against He normal ({@code e}).</li>
 * </ul>
 * The statistic is the paired difference of the final training loss L (nats, the mean over the last epoch's
 * batches),
 * <pre>
 *   dₖ = L_k(other) − L_k(preferred)   over the seeds k both nets finished,
 * </pre>
 * judged by the 95% t interval of its mean: a seed gives both runs the same order of batches, which cancels in dₖ.
 * The claim holds when the preferred initialization trains to the lower loss, θ &gt; 0 ({@link Hypothesis#above}); a
 * diverged run has no final loss and leaves its seed out. The last epoch rather than the mean of the last ones
 * (the TestNetwork's end-point): in 5 epochs the loss is still falling, and where it ends is what the
 * initialization decides.
 */
public final class InitializationClaims {

    /** Where the seminar concludes. */
    static final String SECTION = "1.4";
    /** The unit of every value. */
    static final String UNIT = "nats";

    /** The training loss of a run's last epoch. */
    private static final ToDoubleFunction<TrainingHistory> FINAL_TRAIN_LOSS = h -> h.last().trainLoss();

    /** The contrasts, in the order of the class comment. */
    static final List<Contrast> CONTRASTS = List.of(
            new Contrast(InitConfiguration.D, InitConfiguration.TANH_HE, "Xavier suits tanh"),
            new Contrast(InitConfiguration.B, InitConfiguration.A, "Xavier suits tanh"),
            new Contrast(InitConfiguration.E, InitConfiguration.RELU_XAVIER, "He suits ReLU"));

    private InitializationClaims() {
    }

    /**
     * Two nets of the same layers and activation: the one the seminar's conclusion prefers and the other.
     *
     * @param preferred the net whose initialization the conclusion recommends
     * @param other the same layers and activation, initialized otherwise
     * @param conclusion the half of the seminar's conclusion it tests
     */
    record Contrast(InitConfiguration preferred, InitConfiguration other, String conclusion) {

        /** @throws IllegalArgumentException unless the two nets differ only in their initialization */
        Contrast {
            if (preferred.architecture() != other.architecture()
                    || preferred.mlp().activation() != other.mlp().activation()) {
                throw new IllegalArgumentException(preferred.key() + " and " + other.key()
                        + " must share layers and activation to isolate the initialization");
            }
        }
    }

    /**
     * The claims on a study of Part 1's nets: for each optimizer among {@code variants} (Adam first, then plain SGD
     * by ascending rate), the three contrasts trained with it.
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
        String statement = c.conclusion() + " (" + optimizer + "): " + c.preferred().key() + " trains to a lower loss "
                + "than " + c.other().key() + " (" + c.preferred().activation() + ", "
                + c.preferred().architecture().label() + ")";
        String statistic = "paired difference " + c.other().key() + " − " + c.preferred().key() + " of the final "
                + "training loss after " + settings.epochs() + (settings.epochs() == 1 ? " epoch" : " epochs");
        return new Claim(SECTION, statement, statistic, UNIT, Hypothesis.above(0), variant(c.other(), sgd),
                FINAL_TRAIN_LOSS, variant(c.preferred(), sgd), FINAL_TRAIN_LOSS, 1);
    }

    private static Variant variant(InitConfiguration net, double sgd) {
        return Variants.initialization(net).defaults().with(Variants.SGD.name(), sgd);
    }
}
