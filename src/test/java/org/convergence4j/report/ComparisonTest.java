package org.convergence4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.convergence4j.report.PairwiseComparison.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    @Test
    void statisticsUseFinishedSeedsOnly(@TempDir Path dir) {
        Comparison c = comparison(FakeSummary.standard(), dir);

        VariantStatistics dropConnect = c.variant("DropConnect").orElseThrow();
        assertEquals(List.of(1L, 2L), dropConnect.finishedSeeds());
        assertEquals(3, dropConnect.seedsConfigured());
        assertEquals((0.98311 + 0.98158) / 2, dropConnect.finalTestAccuracy().orElseThrow().mean(), 1e-15);
        assertEquals(Math.abs(0.98311 - 0.98158) / Math.sqrt(2), dropConnect.finalTestAccuracy().orElseThrow().sd()
                .orElseThrow(), 1e-15);
        // Seconds of every trained epoch, finished or not: 61.5 + r + e for r = 0, 1 over 4 epochs, r = 2 over 2.
        assertEquals(4 * 61.5 + 10 + 4 * 62.5 + 10 + 2 * 63.5 + 3, dropConnect.trainingSeconds(), 1e-9);
    }

    @Test
    void firstEpochAtNinetyEightPercentIsNeverWhenNotReached(@TempDir Path dir) {
        Comparison c = comparison(FakeSummary.standard(), dir);
        // BatchNorm reaches 0.98 at epoch 3 in every seed (0.99127 − 0.019/3 ≥ 0.98 > 0.99127 − 0.019).
        assertEquals(List.of(OptionalInt.of(3), OptionalInt.of(3), OptionalInt.of(3)),
                c.variant("BatchNorm").orElseThrow().epochsToThreshold());
        assertEquals(3.0, c.variant("BatchNorm").orElseThrow().meanEpochToThreshold().orElseThrow());
        VariantStatistics layerNorm = c.variant("LayerNorm").orElseThrow();
        assertEquals(OptionalInt.empty(), layerNorm.epochsToThreshold().get(2), "final 0.97937 < 0.98");
        assertTrue(layerNorm.meanEpochToThreshold().isEmpty(), "a mean over a 'never' is never");
    }

    @Test
    void registryOrderMissingVariantsAndOnePairPerCombination(@TempDir Path dir) {
        Comparison c = comparison(FakeSummary.standard(), dir);
        assertEquals(List.of("Baseline", "Dropout", "DropConnect", "BatchNorm", "LayerNorm"),
                c.variants().stream().map(VariantStatistics::name).toList());
        assertEquals(List.of("RMSNorm"), c.missing());
        assertEquals(5 * 4 / 2, c.pairs().size());

        PairwiseComparison bnVsBaseline = c.pair("Baseline", "BatchNorm").orElseThrow();
        assertEquals("Baseline", bnVsBaseline.first());
        assertEquals(Verdict.SECOND_BETTER, bnVsBaseline.verdict(), "means 0.98699 vs 0.99124, sds ≈ 0.0014 and 0.0004");
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, c.pair("BatchNorm", "LayerNorm").orElseThrow().verdict());
    }

    @Test
    void aVariantWithoutFinishedSeedsHasNoStatisticsAndNoPairs(@TempDir Path dir) {
        FakeSummary fake = FakeSummary.standard().variant("RMSNorm", 3, new double[] {0.99}, 0.02, 2);
        Comparison c = comparison(fake, dir);
        VariantStatistics rms = c.variant("RMSNorm").orElseThrow();
        assertTrue(rms.finishedSeeds().isEmpty() && rms.finalTestAccuracy().isEmpty() && rms.testAccuracyByEpoch().isEmpty());
        assertTrue(c.pairs().stream().noneMatch(p -> p.second().equals("RMSNorm")));
        assertTrue(c.missing().isEmpty());
    }

    private static Comparison comparison(FakeSummary fake, Path dir) {
        return Comparison.of(RunSummary.read(fake.writeTo(dir.resolve("summary.json"))));
    }
}
