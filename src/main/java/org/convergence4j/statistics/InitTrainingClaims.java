package org.convergence4j.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.models.MlpNet;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingSettings;

/**
 * The seminar's conclusion 1.4, "Xavier initialization suits tanh, He initialization suits ReLU", judged on Part 1's
 * trained nets. Per optimizer, three contrasts between two nets with the same layers and activation that differ
 * only in their initialization:
 * <ul>
 *   <li>tanh, 784→64→32→16×30→10: He normal ({@code tanh_he}) against Xavier uniform ({@code d});</li>
 *   <li>tanh, 784→500×10→10: N(0, 0.1²) ({@code a}) against Xavier normal ({@code b});</li>
 *   <li>ReLU, 784→64→32→16×30→10: Xavier uniform ({@code relu_xavier}) against He normal ({@code e}).</li>
 * </ul>
 * The statistic is the paired difference of the final training loss (nats, last epoch),
 * <pre>
 *   dₖ = L_k(other) − L_k(preferred)   over the seeds k both nets finished,
 * </pre>
 * with the 95% t interval of its mean ({@link PairedSample}, {@link MeanInterval}): a seed gives both runs the same
 * order of batches, which cancels in dₖ. The claim holds when the preferred initialization trains to the lower
 * loss, θ &gt; 0 ({@link Hypothesis#above}); a diverged run has no final loss and leaves its seed out.
 */
public final class InitTrainingClaims {

    /** Where the seminar concludes. */
    static final String SECTION = "1.4";
    /** The unit of every value. */
    static final String UNIT = "nats";

    /** The contrasts, in the order of the class comment. */
    static final List<Contrast> CONTRASTS = List.of(
            new Contrast(InitConfiguration.D, InitConfiguration.TANH_HE, "Xavier suits tanh"),
            new Contrast(InitConfiguration.B, InitConfiguration.A, "Xavier suits tanh"),
            new Contrast(InitConfiguration.E, InitConfiguration.RELU_XAVIER, "He suits ReLU"));

    private InitTrainingClaims() {
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
     * The findings on Part 1's trained nets among {@code runs}: per optimizer present (Adam first, then SGD by
     * ascending rate) each of the three contrasts, over the seeds both of its nets finished. Runs of other variants
     * are ignored; with fewer than two common finished seeds a finding has no value and is not resolved.
     *
     * @throws IllegalArgumentException if the runs of Part 1's nets were trained with different settings
     */
    public static List<Finding> findings(List<RunRecord> runs) {
        List<RunRecord> mlpRuns = runs.stream().filter(r -> r.variant().network() instanceof MlpNet).toList();
        List<TrainingSettings> settings = mlpRuns.stream().map(RunRecord::settings).distinct().toList();
        if (settings.size() > 1) {
            throw new IllegalArgumentException("the findings compare runs trained alike; Part 1's nets come with "
                    + settings.size() + " settings: " + settings + "; pass the runs of one study");
        }
        TreeSet<Double> optimizers = mlpRuns.stream().map(r -> mlp(r).sgd())
                .collect(Collectors.toCollection(TreeSet::new));
        List<Finding> findings = new ArrayList<>();
        for (double sgd : optimizers) {
            for (Contrast c : CONTRASTS) {
                findings.add(finding(c, sgd, settings.get(0), mlpRuns));
            }
        }
        return findings;
    }

    private static Finding finding(Contrast c, double sgd, TrainingSettings settings, List<RunRecord> runs) {
        MlpNet preferred = new MlpNet(c.preferred(), sgd);
        MlpNet other = new MlpNet(c.other(), sgd);
        String optimizer = preferred.optimizer(settings.learningRate());
        String claim = c.conclusion() + " (" + optimizer + "): " + c.preferred().key() + " trains to a lower loss "
                + "than " + c.other().key() + " (" + c.preferred().activation() + ", "
                + c.preferred().architecture().label() + ")";
        String statistic = "paired difference " + c.other().key() + " − " + c.preferred().key() + " of the final "
                + "training loss after " + settings.epochs() + (settings.epochs() == 1 ? " epoch" : " epochs");
        Optional<MeanInterval> value = PairedSample.of(finalTrainLoss(other, runs), finalTrainLoss(preferred, runs))
                .interval(Comparison.LEVEL);
        return Finding.judge(SECTION, claim, statistic, UNIT, Hypothesis.above(0), value);
    }

    /** Seed → final training loss of the finished runs of {@code net}. */
    private static Map<Long, Double> finalTrainLoss(MlpNet net, List<RunRecord> runs) {
        Map<Long, Double> bySeed = new LinkedHashMap<>();
        runs.stream().filter(RunRecord::complete).filter(r -> mlp(r).equals(net))
                .sorted(Comparator.comparingLong(RunRecord::seed))
                .forEach(r -> bySeed.put(r.seed(), r.history().last().trainLoss()));
        return bySeed;
    }

    private static MlpNet mlp(RunRecord run) {
        return (MlpNet) run.variant().network();
    }
}
