package org.convergence4j.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingSettings;
import org.junit.jupiter.api.Test;

/** Part 1's trained nets: final figures over the finished seeds and the mean training loss per epoch. */
class InitTrainingTest {

    private static final TrainingSettings SETTINGS = new TrainingSettings("mnist", 5, 1e-3, 128, 0);
    private static final Variant D = Variants.initialization(InitConfiguration.D).defaults();
    private static final Variant D_SGD = D.with("sgd", 0.1);
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    @Test
    void finalFiguresAndCurvesAreOverTheFinishedSeedsOnly() {
        List<RunRecord> runs = FakeRuns.mlp(D, SETTINGS, new double[] {0.2, 0.4, 9.9}, 5, 5, 3);
        InitTraining.Net net = InitTraining.of(List.of(D), SEEDS, SETTINGS, runs).nets().get(0);

        assertEquals(List.of(1L, 2L), net.finishedSeeds());
        assertEquals(1, net.divergence().size());
        assertEquals(Spread.of(0.2, 0.4), net.finalTrainLoss().orElseThrow());
        assertEquals(Spread.of(1 - 0.2 / 3, 1 - 0.4 / 3), net.finalTestAccuracy().orElseThrow());
        List<Double> expected = IntStream.rangeClosed(1, 5).mapToObj(e -> (0.2 + 0.4) / 2 * 5 / e).toList();
        for (int e = 0; e < 5; e++) {
            assertEquals(expected.get(e), net.meanTrainLoss().get(e), 1e-12);
        }
        assertEquals("d", net.net());
        assertEquals(InitConfiguration.D.architecture().label(), net.architecture());
        assertTrue(net.adam());
        assertEquals("Adam, lr 0.001", net.optimizer());
    }

    @Test
    void eachVariantIsAnEntryInTheStudysOrderEvenWithoutRuns() {
        InitTraining t = InitTraining.of(List.of(D_SGD, D), SEEDS, SETTINGS,
                FakeRuns.mlp(D, SETTINGS, new double[] {0.2}, 5));
        assertEquals(List.of(D_SGD.key(), D.key()), t.nets().stream().map(InitTraining.Net::variant).toList());
        InitTraining.Net sgd = t.nets().get(0);
        assertFalse(sgd.adam());
        assertEquals("SGD, lr 0.1", sgd.optimizer());
        assertTrue(sgd.finalTrainLoss().isEmpty() && sgd.meanTrainLoss().isEmpty());
        assertEquals(Math.log(10), t.chanceLoss(), 0);
        assertEquals(SEEDS, t.seeds());
        assertEquals(3, sgd.seedsConfigured());
    }

    /** ln 10 = 2.3026; within 1% is above 2.2796. */
    @Test
    void aNetStillWithinOnePercentOfTheUniformGuessIsAtChance() {
        double chance = InitTraining.CHANCE_LOSS;
        assertTrue(atChance(2.3012), "the loss of predicting the class frequencies");
        assertTrue(atChance(0.995 * chance));
        assertFalse(atChance(0.985 * chance));
        InitTraining none = InitTraining.of(List.of(D), SEEDS, SETTINGS, List.of());
        assertFalse(none.atChance(none.nets().get(0)), "no finished seed");
    }

    @Test
    void aTestNetworkVariantIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InitTraining.of(List.of(Variants.BASELINE.defaults()), SEEDS, SETTINGS, List.of()));
        assertTrue(e.getMessage().contains("Baseline"), e.getMessage());
    }

    private static boolean atChance(double finalTrainLoss) {
        InitTraining t = InitTraining.of(List.of(D), SEEDS, SETTINGS,
                FakeRuns.mlp(D, SETTINGS, new double[] {finalTrainLoss}, 5));
        return t.atChance(t.nets().get(0));
    }
}
