package org.convergence4j.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.probe.DepthRatios;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.StudyRuns;
import org.convergence4j.statistics.Verdict;
import org.convergence4j.study.Studies;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.TrainingSettings;
import org.junit.jupiter.api.Test;

/** The verdicts on the seminar's 1.4, from constructed run records of Part 1's nets. */
class InitializationClaimsTest {

    private static final TrainingSettings SETTINGS = new TrainingSettings("mnist", 5, 1e-3, 128, 0);
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);
    private static final int E = SETTINGS.epochs();

    private static Variant adam(InitConfiguration net) {
        return Variants.initialization(net).defaults();
    }

    private static Variant sgd(InitConfiguration net) {
        return adam(net).with("sgd", 0.1);
    }

    private static List<RunRecord> runs(Variant v, double... finalTrainLoss) {
        int[] epochs = new int[finalTrainLoss.length];
        Arrays.fill(epochs, E);
        return FakeRuns.mlp(v, SETTINGS, finalTrainLoss, epochs);
    }

    /** The six nets of the three contrasts with Adam. */
    private static List<RunRecord> adamRuns() {
        List<RunRecord> runs = new ArrayList<>();
        runs.addAll(runs(adam(InitConfiguration.D), 0.10, 0.12, 0.11));
        runs.addAll(runs(adam(InitConfiguration.TANH_HE), 0.20, 0.25, 0.21));
        runs.addAll(runs(adam(InitConfiguration.B), 0.30, 0.31, 0.29));
        runs.addAll(runs(adam(InitConfiguration.A), 0.25, 0.26, 0.24));
        runs.addAll(runs(adam(InitConfiguration.E), 0.15, 0.14, 0.16));
        runs.addAll(runs(adam(InitConfiguration.RELU_XAVIER), 2.30, 2.31, 2.29));
        return runs;
    }

    /** The training-loss reading of each claim, uncorrected. */
    private static List<Finding> judge(List<Claim> claims, List<RunRecord> runs) {
        return reading(claims, runs, 0);
    }

    private static List<Finding> reading(List<Claim> claims, List<RunRecord> runs, int index) {
        StudyRuns own = new StudyRuns(SEEDS, SETTINGS, runs);
        return claims.stream().map(c -> c.judge(own, 0.95).get(index)).toList();
    }

    private static List<Claim> claims(List<RunRecord> runs) {
        return InitializationClaims.of(runs.stream().map(RunRecord::variant).distinct().toList(), SETTINGS);
    }

    @Test
    void eachContrastIsThePairedIntervalOfTheOtherMinusThePreferredNet() {
        List<Finding> findings = judge(claims(adamRuns()), adamRuns());

        assertEquals(3, findings.size());
        double[][] differences = {{0.20 - 0.10, 0.25 - 0.12, 0.21 - 0.11}, {0.25 - 0.30, 0.26 - 0.31, 0.24 - 0.29},
                {2.30 - 0.15, 2.31 - 0.14, 2.29 - 0.16}};
        for (int i = 0; i < 3; i++) {
            Finding f = findings.get(i);
            MeanInterval expected = MeanInterval.of(differences[i], 0.95).orElseThrow();
            MeanInterval actual = f.value().orElseThrow();
            assertEquals(3, actual.n());
            assertEquals(expected.mean(), actual.mean(), 1e-12);
            assertEquals(expected.low(), actual.low(), 1e-12);
            assertEquals(expected.high(), actual.high(), 1e-12);
            assertEquals("1.4", f.section());
            assertEquals("nats", f.unit());
            assertEquals(Hypothesis.above(0), f.hypothesis());
            assertTrue(f.claim().contains("Adam, lr 0.001"), f.claim());
        }
        assertTrue(findings.get(0).statistic().contains("tanh_he − d") && findings.get(0).statistic().contains("5 epochs"),
                findings.get(0).statistic());
        assertTrue(findings.get(1).statistic().contains("a − b"), findings.get(1).statistic());
        assertTrue(findings.get(2).statistic().contains("relu_xavier − e"), findings.get(2).statistic());
    }

    /**
     * tanh_he − d: differences 0.10, 0.13, 0.10, mean 0.11, s = √3/100 ≈ 0.0173, so t₀.₉₇₅,₂·s/√3 ≈ 0.043 and the
     * interval lies above 0; a − b is −0.05 at every seed (no spread), all of it below 0.
     */
    @Test
    void theVerdictFollowsWhereTheIntervalLies() {
        List<Finding> findings = judge(claims(adamRuns()), adamRuns());
        assertEquals(Verdict.SUPPORTED, findings.get(0).verdict());
        assertEquals(Verdict.CONTRADICTED, findings.get(1).verdict());
        assertEquals(Verdict.SUPPORTED, findings.get(2).verdict());
    }

    @Test
    void aDivergedOrMissingSeedLeavesThePairOutAndFewerThanTwoAreNotResolved() {
        List<RunRecord> runs = new ArrayList<>(adamRuns());
        runs.removeIf(r -> r.variant().equals(adam(InitConfiguration.TANH_HE)));
        runs.addAll(FakeRuns.mlp(adam(InitConfiguration.TANH_HE), SETTINGS, new double[] {0.20, 0.25, 0.21}, E, 2, E));
        runs.removeIf(r -> r.variant().equals(adam(InitConfiguration.A)) && r.seed() > 1);

        List<Finding> findings = judge(claims(adamRuns()), runs);

        assertEquals(2, findings.get(0).value().orElseThrow().n(), "seed 2 of tanh_he diverged");
        assertEquals(0.10, findings.get(0).value().orElseThrow().mean(), 1e-12);
        assertTrue(findings.get(1).value().isEmpty(), "a has one seed");
        assertEquals(Verdict.NOT_RESOLVED, findings.get(1).verdict());
    }

    @Test
    void eachOptimizerAmongTheVariantsGetsItsOwnClaimsAdamFirst() {
        List<RunRecord> runs = new ArrayList<>(adamRuns());
        for (InitConfiguration net : List.of(InitConfiguration.D, InitConfiguration.TANH_HE)) {
            runs.addAll(runs(sgd(net), 0.5, 0.6, 0.7));
        }
        List<Finding> findings = judge(claims(runs), runs);

        assertEquals(6, findings.size());
        assertTrue(findings.subList(0, 3).stream().allMatch(f -> f.claim().contains("Adam, lr 0.001")));
        assertTrue(findings.subList(3, 6).stream().allMatch(f -> f.claim().contains("SGD, lr 0.1")));
        assertEquals(0, findings.get(3).value().orElseThrow().mean(), 1e-12, "equal losses");
        assertTrue(findings.get(4).value().isEmpty(), "a and b were not trained with SGD");
        assertEquals(List.of(), InitializationClaims.of(List.of(Variants.BASELINE.defaults()), SETTINGS),
                "a TestNetwork variant has no optimizer of its own");
    }

    @Test
    void runsAtOtherSettingsDoNotCount() {
        List<RunRecord> runs = new ArrayList<>(adamRuns());
        runs.removeIf(r -> r.variant().equals(adam(InitConfiguration.D)));
        runs.addAll(FakeRuns.mlp(adam(InitConfiguration.D), SETTINGS.withEpochs(2), new double[] {0.1, 0.1, 0.1},
                2, 2, 2));
        assertTrue(judge(claims(adamRuns()), runs).get(0).value().isEmpty());
    }

    @Test
    void partOnesTrainingStudyJudgesEveryContrastWithBothOptimizers() {
        assertEquals(2 * InitializationClaims.CONTRASTS.size(), Studies.PART1_TRAINING.claims().size());
        assertEquals(Studies.PART1_TRAINING.claims().size(),
                Studies.PART1_TRAINING.claims().stream().map(Claim::statement).distinct().count());
    }

    /** The test-accuracy reading: FakeRuns' nets test at 1 − L/3, so preferred − other is (L_other − L_pref)/3. */
    @Test
    void theTestAccuracyReadingIsThePreferredMinusTheOtherNet() {
        List<Finding> accuracy = reading(claims(adamRuns()), adamRuns(), 1);
        assertEquals(100 * (0.11 / 3), accuracy.get(0).value().orElseThrow().mean(), 1e-9);
        assertEquals("pp", accuracy.get(0).unit());
        assertEquals("test accuracy", accuracy.get(0).reading());
        assertTrue(accuracy.get(0).statistic().contains("d − tanh_he"), accuracy.get(0).statistic());
    }

    /**
     * At initialization: a preferred net whose ratio r is 0.5 on every seed is about equal through depth (r &lt; 1)
     * and steadier than another at r = 3; one at r = 2 is not about equal. The verdict is 1.4's one sentence.
     */
    @Test
    void theDepthReadingsJudgeTheRatiosAtInitialization() {
        Map<InitConfiguration, DepthRatios> nets = new EnumMap<>(InitConfiguration.class);
        List<Double> half = List.of(0.5, 0.4, 0.6, 0.5);
        List<Double> three = List.of(3.0, 3.1, 2.9, 3.0);
        List<Double> two = List.of(2.0, 2.1, 1.9, 2.0);
        nets.put(InitConfiguration.B, new DepthRatios(half, half));
        nets.put(InitConfiguration.A, new DepthRatios(three, three));
        nets.put(InitConfiguration.D, new DepthRatios(two, half));
        nets.put(InitConfiguration.TANH_HE, new DepthRatios(half, three));

        Judgement j = InitializationClaims.judgeDepth(nets, 0.95);

        assertEquals(1, j.sentences().size());
        assertEquals(Sentence.INITIALIZATION.text(), j.sentences().get(0).sentence());
        assertEquals(2, j.claims().size(), "e and relu_xavier were not measured");
        ClaimVerdict d = j.claims().get(0);
        ClaimVerdict b = j.claims().get(1);
        assertEquals(Verdict.SUPPORTED, b.verdict(), b.verdictText());
        assertEquals(2.5, b.readings().get(2).value().orElseThrow().mean(), 1e-12, "a − b of the activations");
        assertEquals(Verdict.DEPENDS_ON_READING, d.verdict(), d.verdictText());
        assertEquals(Verdict.CONTRADICTED, d.readings().get(0).verdict(), "d's activations change by a factor 4");
        assertEquals(Verdict.DEPENDS_ON_READING, j.sentences().get(0).verdict());
    }

    @Test
    void aContrastMustIsolateTheInitialization() {
        assertThrows(IllegalArgumentException.class,
                () -> new InitializationClaims.Contrast(InitConfiguration.D, InitConfiguration.E, "mixed"));
        assertThrows(IllegalArgumentException.class,
                () -> new InitializationClaims.Contrast(InitConfiguration.D, InitConfiguration.B, "mixed"));
    }
}
