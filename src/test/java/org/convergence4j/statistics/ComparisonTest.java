package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.PairwiseComparison.Verdict;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final List<Variant> ALL = Variants.KINDS.stream().map(VariantKind::defaults).toList();

    private static Comparison comparison(List<RunRecord> runs) {
        return Comparison.of(ALL, FakeRuns.SEEDS.size(), runs);
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
        assertEquals(Verdict.SECOND_BETTER, bnVsBaseline.verdict(), "means 0.98699 vs 0.99124, sds ≈ 0.0014 and 0.0004");
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, pair(c, "BatchNorm", "LayerNorm").verdict());
    }

    @Test
    void aVariantWithoutFinishedSeedsHasNoStatisticsAndNoPairs() {
        Variant rms = Variants.RMSNORM.defaults();
        Comparison c = comparison(FakeRuns.plus(FakeRuns.standard(), FakeRuns.variant(rms, new double[] {0.99}, 0.02, 2)));
        VariantStatistics stats = variant(c, rms.key());
        assertTrue(stats.finishedSeeds().isEmpty() && stats.finalTestAccuracy().isEmpty()
                && stats.testAccuracyByEpoch().isEmpty());
        assertTrue(c.pairs().stream().noneMatch(p -> p.second().equals(rms.key())));
        assertTrue(c.missing().isEmpty());
    }

    @Test
    void variantsWithParametersAreComparedByTheirKey() {
        Variant strong = Variants.DROPOUT.defaults().with("drop", 0.5);
        List<RunRecord> runs = FakeRuns.plus(FakeRuns.variant(Variants.DROPOUT.defaults(), new double[] {0.98, 0.981},
                0.01, 4, 4), FakeRuns.variant(strong, new double[] {0.97, 0.971}, 0.01, 4, 4));
        Comparison c = Comparison.of(List.of(Variants.DROPOUT.defaults(), strong), 2, runs);
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
