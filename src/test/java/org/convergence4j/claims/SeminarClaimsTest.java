package org.convergence4j.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.models.Variant;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.StudyRuns;
import org.convergence4j.statistics.Verdict;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.convergence4j.train.EpochMetrics;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.TrainingHistory;
import org.convergence4j.train.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * The seminar's claims on constructed runs of 6 epochs whose curves are known: test accuracy a(e) = top − drop/e
 * plus a per-seed offset, training accuracy a(e) − gap.
 */
class SeminarClaimsTest {

    private static final TrainingSettings SETTINGS = new TrainingSettings("mnist", 6, 1e-3, 128, 0);
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L);
    /** Seed-to-seed offsets that every variant shares (the pairing cancels them). */
    private static final double[] SHARED = {0.004, -0.003, 0.001, -0.002};

    /** Runs of {@code v} on every seed: a(e) = top + shared + jitter·(−1)^k − drop/e; train = a − gap. */
    private static List<RunRecord> runs(Variant v, double top, double drop, double gap, double jitter) {
        List<RunRecord> runs = new ArrayList<>();
        for (int k = 0; k < SEEDS.size(); k++) {
            List<EpochMetrics> epochs = new ArrayList<>();
            for (int e = 1; e <= SETTINGS.epochs(); e++) {
                double a = top + SHARED[k] + (k % 2 == 0 ? jitter : -jitter) - drop / e;
                epochs.add(new EpochMetrics(e, 0.1, 0.1, a - gap, a, 1));
            }
            runs.add(new RunRecord(RunSpec.FORMAT, v, SEEDS.get(k), SETTINGS, ConvolutionEngine.available(),
                    FakeRuns.configuration(v), new TrainingHistory(epochs, false), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return runs;
    }

    private static Map<String, Finding> judge(List<Claim> claims, List<RunRecord> runs) {
        StudyRuns study = new StudyRuns(SEEDS, SETTINGS, runs);
        Map<String, Finding> findings = new java.util.LinkedHashMap<>();
        claims.forEach(c -> findings.put(c.text(), c.judge(study, 0.95)));
        return findings;
    }

    @Test
    void part2OnRunsWhereDropoutLosesAndBothTrainBelowTest() {
        List<RunRecord> runs = new ArrayList<>(runs(Variants.DROPOUT.defaults(), 0.985, 0.01, 0.004, 0.0001));
        runs.addAll(runs(Variants.DROPCONNECT.defaults(), 0.988, 0.01, -0.002, 0.0001));
        Map<String, Finding> f = judge(SeminarClaims.PART2, runs);
        Finding better = f.get("Dropout is better than DropConnect");
        // Paired d = −0.3 pp on every seed up to ±0.02 pp of jitter: contradicted, and the value is in pp.
        assertEquals(-0.3, better.value().orElseThrow().mean(), 1e-9);
        assertEquals(Verdict.CONTRADICTED, better.verdict());
        assertEquals(Verdict.SUPPORTED, f.get("Dropout trains worse than it tests").verdict(), "gap +0.4 pp");
        assertEquals(0.4, f.get("Dropout trains worse than it tests").value().orElseThrow().mean(), 1e-9);
        assertEquals(Verdict.CONTRADICTED, f.get("DropConnect trains worse than it tests").verdict(), "gap −0.2 pp");
    }

    @Test
    void part3PlateauIsTheGainAfterEpochTwo() {
        // End-point: mean over epochs 2–6 of top − drop/e; the gain after epoch 2 is drop·(1/2 − mean(1/e)).
        double meanInverse = (1.0 / 2 + 1.0 / 3 + 1.0 / 4 + 1.0 / 5 + 1.0 / 6) / 5;
        List<RunRecord> runs = new ArrayList<>(runs(Variants.BATCHNORM.defaults(), 0.990, 0.002, 0, 0.0001));
        runs.addAll(runs(Variants.LAYERNORM.defaults(), 0.9899, 0.040, 0, 0.0001));
        runs.addAll(runs(Variants.BASELINE.defaults(), 0.985, 0.030, 0, 0.0001));
        Map<String, Finding> f = judge(SeminarClaims.ALL, runs);
        Finding bn = f.get("BatchNorm reaches its plateau after 1–2 epochs");
        assertEquals(100 * 0.002 * (0.5 - meanInverse), bn.value().orElseThrow().mean(), 1e-9);
        assertEquals(Verdict.SUPPORTED, bn.verdict(), "0.04 pp still to gain < 0.3 pp");
        assertEquals(Verdict.CONTRADICTED, f.get("LayerNorm reaches its plateau after 1–2 epochs").verdict(),
                "0.8 pp still to gain");
        assertEquals(Verdict.SUPPORTED, f.get("BatchNorm is nearer its plateau after 2 epochs than the Baseline").verdict());
        assertEquals(Verdict.CONTRADICTED, f.get("LayerNorm is nearer its plateau after 2 epochs than the Baseline").verdict());
        // BatchNorm − LayerNorm end-points: (0.990 − 0.9899) + (0.040 − 0.002)·mean(1/e), in pp.
        Finding little = f.get("BatchNorm and LayerNorm differ little");
        assertEquals(100 * (0.0001 + 0.038 * meanInverse), little.value().orElseThrow().mean(), 1e-9);
        assertEquals(Verdict.CONTRADICTED, little.verdict(), "about 1.1 pp, far outside ±0.15 pp");
        assertEquals(Verdict.SUPPORTED, f.get("BatchNorm is better than LayerNorm").verdict());
    }

    @Test
    void aClaimWithTooFewSeedsIsNotResolvedAndRunsOfOtherSettingsDoNotCount() {
        List<RunRecord> runs = runs(Variants.DROPCONNECT.defaults(), 0.98, 0.01, 0, 0.0001);
        runs.addAll(runs(Variants.BASELINE.defaults(), 0.99, 0.01, 0, 0.0001).subList(0, 1));
        Finding f = judge(SeminarClaims.PART4, runs).get("DropConnect is worse than the Baseline");
        assertTrue(f.value().isEmpty());
        assertEquals(Verdict.NOT_RESOLVED, f.verdict());
        StudyRuns otherSettings = new StudyRuns(SEEDS, SETTINGS.withEpochs(20), runs);
        assertTrue(otherSettings.bySeed(Variants.DROPCONNECT.defaults(), h -> 1).isEmpty());
    }

    /**
     * With other variants trained, a claim is made on those of its kinds, and a claim whose kind was not trained is
     * left out with the reason, never judged at n = 0.
     */
    @Test
    void claimsAreMadeOnTheTrainedVariantsOfTheirKinds() {
        Variant dropout = Variants.DROPOUT.defaults().with("drop", 0.4);
        Study part2 = Studies.PART2.withVariants(List.of(dropout));

        assertEquals(List.of("Dropout(drop=0.4) trains worse than it tests"), part2.claims().stream().map(Claim::text)
                .toList());
        assertEquals(List.of("2.3 Dropout is better than DropConnect: left out, DropConnect was not trained",
                "2.3 DropConnect trains worse than it tests: left out, DropConnect was not trained"),
                Studies.PART2.claimsLeftOutBy(List.of(dropout)));
        for (Study s : Studies.SEMINAR) {
            Study other = s.withVariants(List.of(dropout));
            other.claims().forEach(c -> assertTrue(other.variants().contains(c.first())
                    && other.variants().contains(c.second()), c.text()));
        }
    }

    /** "After epoch 2" needs a third epoch: on shorter runs the claim is not applicable, never supported. */
    @Test
    void aClaimOnEpochsTheRunsLackIsNotApplicable() {
        TrainingSettings twoEpochs = SETTINGS.withEpochs(2);
        List<RunRecord> runs = new ArrayList<>();
        for (RunRecord r : runs(Variants.LAYERNORM.defaults(), 0.99, 0.0, 0, 0.0001)) {
            runs.add(new RunRecord(r.format(), r.variant(), r.seed(), twoEpochs, r.engine(), r.configuration(),
                    new TrainingHistory(r.history().epochs().subList(0, 2), false), r.divergence(), r.monteCarlo(),
                    r.batchDependence(), r.layerStats(), r.network(), r.environment(), r.fingerprint()));
        }
        StudyRuns study = new StudyRuns(SEEDS, twoEpochs, runs);
        for (Claim c : SeminarClaims.ALL) {
            Finding f = c.judge(study, 0.95);
            if (c.minEpochs() > 2) {
                assertEquals(Verdict.NOT_APPLICABLE, f.verdict(), c.text());
                assertTrue(f.verdictText().startsWith("not applicable") && f.verdictText().contains("3 epochs"),
                        f.verdictText());
            } else {
                assertTrue(f.verdict() != Verdict.NOT_APPLICABLE, c.text());
            }
        }
        assertTrue(SeminarClaims.ALL.stream().anyMatch(c -> c.text().contains("plateau") && c.minEpochs() == 3));
    }

    @Test
    void everyStudyJudgesOnlyClaimsOnItsOwnVariants() {
        for (Study s : Studies.SEMINAR) {
            for (Claim c : s.claims()) {
                assertTrue(s.variants().contains(c.first()) && s.variants().contains(c.second()),
                        s.name() + " cannot judge '" + c.text() + "' on its variants");
            }
        }
        assertEquals(SeminarClaims.ALL.size(), Studies.PART4.claims().size(), "Part 4 judges every claim of Parts 2–4");
    }
}
