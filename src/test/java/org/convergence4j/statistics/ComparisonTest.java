package org.convergence4j.statistics;

import org.convergence4j.data.Dataset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.PairwiseComparison.Outcome;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final List<Variant> ALL = Variants.KINDS.stream().map(VariantKind::defaults).toList();

    private static Comparison comparison(List<RunRecord> runs) {
        return Comparison.of(ALL, FakeRuns.SEEDS.size(), FakeRuns.EPOCHS, Dataset.MNIST.equivalenceMargin(), runs);
    }

    @Test
    void theEndPointIsTheMeanOfTheLastEpochs() {
        // 4 epochs < 5: the mean of all four, acc(e) = final − gap·(4 − e)/e, i.e. final − gap·(3 + 1 + 1/3 + 0)/4.
        VariantStatistics dropout = variant(comparison(FakeRuns.standard()), "Dropout");
        double[] finals = {0.98921, 0.98684, 0.98795};
        for (int i = 0; i < 3; i++) {
            assertEquals(finals[i] - 0.042 * 13 / 12, dropout.endPointPerSeed().get(i), 1e-12);
        }
        assertEquals(dropout.endPointPerSeed().stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                dropout.endPoint().orElseThrow().mean(), 1e-15);
    }

    @Test
    void statisticsUseFinishedSeedsOnly() {
        Comparison c = comparison(FakeRuns.standard());

        VariantStatistics dropConnect = variant(c, "DropConnect");
        assertEquals(List.of(1L, 2L), dropConnect.finishedSeeds());
        assertEquals(3, dropConnect.seedsConfigured());
        assertEquals(1, dropConnect.divergence().size());
        assertEquals((0.98311 + 0.98158) / 2, dropConnect.finalTestAccuracy().orElseThrow().mean(), 1e-15);
        assertEquals(Math.abs(0.98311 - 0.98158) / Math.sqrt(2), dropConnect.finalTestAccuracy().orElseThrow().sdValue(),
                1e-15);
        // Seconds of every trained epoch, finished or not: 61.5 + r + e for r = 0, 1 over 4 epochs, r = 2 over 2.
        assertEquals(4 * 61.5 + 10 + 4 * 62.5 + 10 + 2 * 63.5 + 3, dropConnect.trainingSeconds(), 1e-9);
    }

    @Test
    void firstEpochAtNinetyEightPercentIsNeverWhenNotReached() {
        Comparison c = comparison(FakeRuns.standard());
        // BatchNorm reaches 0.98 at epoch 3 in every seed (0.99127 − 0.019/3 ≥ 0.98 > 0.99127 − 0.019).
        assertEquals(List.of(OptionalInt.of(3), OptionalInt.of(3), OptionalInt.of(3)),
                variant(c, "BatchNorm").epochsToThreshold());
        assertEquals(3.0, variant(c, "BatchNorm").meanEpochToThreshold().orElseThrow());
        VariantStatistics layerNorm = variant(c, "LayerNorm");
        assertEquals(OptionalInt.empty(), layerNorm.epochsToThreshold().get(2), "final 0.97937 < 0.98");
        assertTrue(layerNorm.meanEpochToThreshold().isEmpty(), "a mean over a 'never' is never");
    }

    @Test
    void studyOrderMissingVariantsAndOnePairPerCombination() {
        Comparison c = comparison(FakeRuns.standard());
        List<String> withRuns = FakeRuns.standard().stream().map(r -> r.variant().key()).distinct().toList();
        assertEquals(ALL.stream().map(Variant::key).filter(withRuns::contains).toList(),
                c.variants().stream().map(VariantStatistics::variant).toList());
        assertEquals(ALL.stream().map(Variant::key).filter(k -> !withRuns.contains(k)).toList(), c.missing());
        int n = c.variants().size();
        assertEquals(n * (n - 1) / 2, c.pairs().size());

        PairwiseComparison bnVsBaseline = pair(c, "Baseline", "BatchNorm");
        assertEquals("Baseline", bnVsBaseline.first());
        // End-points (mean of the 4 epochs): final − 13/12·gap. Paired Baseline − BatchNorm per seed:
        // (f_B − f_BN) − 13/12·(0.031 − 0.019) = −0.01714, −0.01836, −0.01625: clearly below 0.
        assertEquals(Outcome.SECOND_BETTER, bnVsBaseline.outcome());
        assertEquals(-(0.01714 + 0.01836 + 0.01625) / 3, bnVsBaseline.difference(), 1e-5);
        // BatchNorm − LayerNorm: 0.00508, 0.00377, 0.01657; t(0.975, 2)·s/√3 ≈ 0.0175 reaches past ±0.15 pp.
        assertEquals(Outcome.NOT_RESOLVED, pair(c, "BatchNorm", "LayerNorm").outcome());
    }

    @Test
    void aVariantWithoutFinishedSeedsHasNoStatisticsAndNoPairs() {
        Variant rms = Variants.RMSNORM.defaults();
        Comparison c = comparison(FakeRuns.plus(FakeRuns.standard(), FakeRuns.variant(rms, new double[] {0.99}, 0.02, 2)));
        VariantStatistics stats = variant(c, rms.key());
        assertTrue(stats.finishedSeeds().isEmpty() && stats.finalTestAccuracy().isEmpty()
                && stats.testAccuracyByEpoch().isEmpty());
        assertTrue(c.pairs().stream().noneMatch(p -> p.second().equals(rms.key())));
        assertTrue(!c.missing().contains(rms.key()), "a variant with runs, none finished, is not missing");
        List<String> withoutRuns = ALL.stream().filter(v -> FakeRuns.plus(FakeRuns.standard(), FakeRuns.variant(rms,
                new double[] {0.99}, 0.02, 2)).stream().noneMatch(r -> r.variant().equals(v))).map(Variant::key).toList();
        assertEquals(withoutRuns, c.missing());
    }

    @Test
    void variantsWithParametersAreComparedByTheirKey() {
        Variant strong = Variants.DROPOUT.defaults().with("drop", 0.5);
        List<RunRecord> runs = FakeRuns.plus(FakeRuns.variant(Variants.DROPOUT.defaults(), new double[] {0.98, 0.981},
                0.01, 4, 4), FakeRuns.variant(strong, new double[] {0.97, 0.971}, 0.01, 4, 4));
        Comparison c = Comparison.of(List.of(Variants.DROPOUT.defaults(), strong), 2, FakeRuns.EPOCHS, Dataset.MNIST.equivalenceMargin(), runs);
        assertEquals(List.of("Dropout", "Dropout(drop=0.5)"), c.variants().stream().map(VariantStatistics::variant).toList());
        assertEquals(0.01, pair(c, "Dropout", "Dropout(drop=0.5)").difference(), 1e-12);
    }

    private static VariantStatistics variant(Comparison c, String name) {
        return c.variants().stream().filter(v -> v.variant().equals(name)).findFirst().orElseThrow();
    }

    private static PairwiseComparison pair(Comparison c, String first, String second) {
        return c.pairs().stream().filter(p -> p.first().equals(first) && p.second().equals(second)).findFirst()
                .orElseThrow();
    }
}
