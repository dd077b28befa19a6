package org.convergence4j.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The seminar's claims and their readings on constructed runs of 6 epochs whose curves are known: test accuracy
 * a(e) = top − drop/e plus a per-seed offset, test loss 1 − a(e), training accuracy a(e) − gap, and the final
 * network's inference-mode training-set accuracy a(6) + fit.
 */
class SeminarClaimsTest {

    private static final TrainingSettings SETTINGS = new TrainingSettings("mnist", 6, 1e-3, 128, 0);
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L);
    /** Seed-to-seed offsets that every variant shares (the pairing cancels them). */
    private static final double[] SHARED = {0.004, -0.003, 0.001, -0.002};
    /** The mean of 1/e over the end-point's epochs 2–6 of a 6-epoch run. */
    private static final double END_INVERSE = (1.0 / 2 + 1.0 / 3 + 1.0 / 4 + 1.0 / 5 + 1.0 / 6) / 5;
    /** The mean of 1/e over all 6 epochs. */
    private static final double CURVE_INVERSE = (1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4 + 1.0 / 5 + 1.0 / 6) / 6;

    private static List<RunRecord> runs(Variant v, double top, double drop, double gap, double fit) {
        List<RunRecord> runs = new ArrayList<>();
        for (int k = 0; k < SEEDS.size(); k++) {
            List<EpochMetrics> epochs = new ArrayList<>();
            for (int e = 1; e <= SETTINGS.epochs(); e++) {
                double a = top + SHARED[k] + (k % 2 == 0 ? 0.0001 : -0.0001) - drop / e;
                epochs.add(new EpochMetrics(e, 0.1, 1 - a, a - gap, a, 1));
            }
            double last = epochs.get(epochs.size() - 1).testAccuracy();
            runs.add(new RunRecord(RunSpec.FORMAT, v, SEEDS.get(k), SETTINGS, ConvolutionEngine.available(),
                    FakeRuns.configuration(v), new TrainingHistory(epochs, false), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Double.isNaN(fit) ? Optional.empty() : Optional.of(last + fit)));
        }
        return runs;
    }

    /** Per claim text, its findings by reading name, judged together (one Holm family). */
    private static Map<String, Map<String, Finding>> judge(List<Claim> claims, List<RunRecord> runs) {
        Judgement j = Judgement.of(claims, new StudyRuns(SEEDS, SETTINGS, runs), 0.95);
        Map<String, Map<String, Finding>> byClaim = new LinkedHashMap<>();
        for (ClaimVerdict c : j.claims()) {
            Map<String, Finding> readings = new LinkedHashMap<>();
            c.readings().forEach(f -> readings.put(f.reading(), f));
            byClaim.put(c.claim(), readings);
        }
        return byClaim;
    }

    private static Map<String, ClaimVerdict> verdicts(List<Claim> claims, List<RunRecord> runs) {
        Map<String, ClaimVerdict> byClaim = new LinkedHashMap<>();
        Judgement.of(claims, new StudyRuns(SEEDS, SETTINGS, runs), 0.95).claims()
                .forEach(c -> byClaim.put(c.claim(), c));
        return byClaim;
    }

    /**
     * DropConnect ends higher (+0.35 pp) but starts lower (drop 6 pp against 1 pp): "Dropout is better" is
     * contradicted at the end-point and by test NLL, supported over the whole curve, so it depends on the reading.
     */
    @Test
    void aClaimThatHoldsOverTheCurveAndNotAtTheEndPointDependsOnTheReading() {
        List<RunRecord> runs = new ArrayList<>(runs(Variants.DROPOUT.defaults(), 0.975, 0.01, 0.004, -0.005));
        runs.addAll(runs(Variants.DROPCONNECT.defaults(), 0.993, 0.06, 0.004, -0.005));
        Map<String, Finding> better = judge(SeminarClaims.PART2, runs).get("Dropout is better than DropConnect");

        assertEquals(100 * (-0.018 + 0.05 * END_INVERSE), better.get("at the end-point").value().orElseThrow().mean(),
                1e-9);
        assertEquals(Verdict.CONTRADICTED, better.get("at the end-point").verdict());
        assertEquals(100 * (-0.018 + 0.05 * CURVE_INVERSE), better.get("over the whole curve").value().orElseThrow()
                .mean(), 1e-9);
        assertEquals(Verdict.SUPPORTED, better.get("over the whole curve").verdict());
        assertEquals(Verdict.CONTRADICTED, better.get("by test NLL").verdict(), "NLL = 1 − a follows the end-point");
        ClaimVerdict claim = verdicts(SeminarClaims.PART2, runs).get("Dropout is better than DropConnect");
        assertEquals(Verdict.DEPENDS_ON_READING, claim.verdict());
        assertTrue(claim.verdictText().contains("supported (over the whole curve)"), claim.verdictText());
    }

    /**
     * The masks-on gap is read alone and against the Baseline's; the inference-mode gap of the final network only
     * against the Baseline's. Dropout: gap +0.4 pp, Baseline −0.2 pp (masks on); in inference mode Dropout's
     * training-set accuracy is 0.5 pp above its test accuracy, the Baseline's 1.0 pp.
     */
    @Test
    void trainsWorseThanItTestsHasThreeReadings() {
        List<RunRecord> runs = new ArrayList<>(runs(Variants.DROPOUT.defaults(), 0.985, 0.01, 0.004, 0.005));
        runs.addAll(runs(Variants.DROPCONNECT.defaults(), 0.984, 0.01, 0.004, 0.012));
        runs.addAll(runs(Variants.BASELINE.defaults(), 0.983, 0.01, -0.002, 0.010));
        Map<String, Map<String, Finding>> f = judge(SeminarClaims.PART2, runs);
        Map<String, Finding> dropout = f.get("Dropout trains worse than it tests");

        assertEquals(0.4, dropout.get("masks on").value().orElseThrow().mean(), 1e-9);
        assertEquals(0.6, dropout.get("masks on, against the Baseline").value().orElseThrow().mean(), 1e-9);
        assertEquals(0.5, dropout.get("inference mode, against the Baseline").value().orElseThrow().mean(), 1e-9);
        assertEquals(Verdict.SUPPORTED, verdicts(SeminarClaims.PART2, runs).get("Dropout trains worse than it tests")
                .verdict());
        // DropConnect fits its training set 0.2 pp better than the Baseline: contradicted in inference mode.
        assertEquals(-0.2, f.get("DropConnect trains worse than it tests").get("inference mode, against the Baseline")
                .value().orElseThrow().mean(), 1e-9);
        assertEquals(Verdict.DEPENDS_ON_READING, verdicts(SeminarClaims.PART2, runs)
                .get("DropConnect trains worse than it tests").verdict());
    }

    /** Runs without the inference-mode measurement leave that reading not applicable, and the claim is judged without it. */
    @Test
    void aReadingTheStoredRunsLackIsNotApplicable() {
        List<RunRecord> runs = new ArrayList<>(runs(Variants.DROPOUT.defaults(), 0.985, 0.01, 0.004, Double.NaN));
        runs.addAll(runs(Variants.BASELINE.defaults(), 0.983, 0.01, -0.002, Double.NaN));
        Finding inference = judge(SeminarClaims.PART2, runs).get("Dropout trains worse than it tests")
                .get("inference mode, against the Baseline");
        assertEquals(Verdict.NOT_APPLICABLE, inference.verdict());
        assertEquals(Verdict.SUPPORTED, verdicts(SeminarClaims.PART2, runs).get("Dropout trains worse than it tests")
                .verdict());
    }

    /**
     * The epochs to the plateau: a run comes within t of its end-point y = top − drop·mean(1/e, e = 2…6) at the first
     * e with drop/e ≤ drop·mean + t. BatchNorm (drop 0.2 pp) is there after epoch 1 at every threshold; LayerNorm
     * (drop 4 pp) after 3, 3 and 2 epochs at 0.25, 0.5 and 1 pp; the Baseline (3 pp) after 3 at 0.5 pp.
     */
    @Test
    void thePlateauIsTheEpochsToComeWithinEachThresholdOfTheEndPoint() {
        List<RunRecord> runs = new ArrayList<>(runs(Variants.BATCHNORM.defaults(), 0.990, 0.002, 0, 0.01));
        runs.addAll(runs(Variants.LAYERNORM.defaults(), 0.9899, 0.040, 0, 0.01));
        runs.addAll(runs(Variants.BASELINE.defaults(), 0.985, 0.030, 0, 0.01));
        Map<String, Map<String, Finding>> f = judge(SeminarClaims.PART3, runs);
        Map<String, Finding> bn = f.get("BatchNorm reaches its plateau after 1–2 epochs");
        Map<String, Finding> ln = f.get("LayerNorm reaches its plateau after 1–2 epochs");

        assertEquals(1, bn.get("within 0.25 pp").value().orElseThrow().mean(), 0);
        assertEquals(List.of(3.0, 3.0, 2.0), List.of(ln.get("within 0.25 pp"), ln.get("within 0.5 pp"),
                ln.get("within 1 pp")).stream().map(x -> x.value().orElseThrow().mean()).toList());
        assertEquals(2, bn.get("sooner than the Baseline").value().orElseThrow().mean(), 0);
        assertEquals(0, ln.get("sooner than the Baseline").value().orElseThrow().mean(), 0);
        Map<String, ClaimVerdict> v = verdicts(SeminarClaims.PART3, runs);
        assertEquals(Verdict.SUPPORTED, v.get("BatchNorm reaches its plateau after 1–2 epochs").verdict());
        assertEquals(Verdict.DEPENDS_ON_READING, v.get("LayerNorm reaches its plateau after 1–2 epochs").verdict());
        // BatchNorm − LayerNorm end-points: 0.01 pp + 3.8 pp·mean(1/e): far outside the ±0.14 pp margin.
        Map<String, Finding> little = f.get("BatchNorm and LayerNorm differ little");
        assertEquals(100 * (0.0001 + 0.038 * END_INVERSE), little.get("at the end-point").value().orElseThrow().mean(),
                1e-9);
        assertEquals(Verdict.CONTRADICTED, little.get("at the end-point").verdict());
        assertEquals(-2, little.get("in training behaviour").value().orElseThrow().mean(), 0);
        assertEquals(Verdict.CONTRADICTED, v.get("BatchNorm and LayerNorm differ little").verdict());
    }

    /** Two end-points 0.05 pp apart on every seed are equivalent within one test set's binomial SE (0.14 pp). */
    @Test
    void differLittleUsesTheMarginOfTheDataset() {
        List<RunRecord> runs = new ArrayList<>(runs(Variants.BATCHNORM.defaults(), 0.9905, 0.01, 0, 0.01));
        runs.addAll(runs(Variants.LAYERNORM.defaults(), 0.9900, 0.01, 0, 0.01));
        Map<String, Finding> little = judge(SeminarClaims.PART3, runs).get("BatchNorm and LayerNorm differ little");
        assertEquals(Verdict.SUPPORTED, little.get("at the end-point").verdict());
        assertEquals(0.05, little.get("at the end-point").value().orElseThrow().mean(), 1e-9);
        assertEquals(-0.14, little.get("at the end-point").hypothesis().low(), 0.005);
    }

    @Test
    void aReadingWithTooFewSeedsIsNotResolvedAndRunsOfOtherSettingsDoNotCount() {
        List<RunRecord> runs = runs(Variants.DROPCONNECT.defaults(), 0.98, 0.01, 0, 0.01);
        runs.addAll(runs(Variants.BASELINE.defaults(), 0.99, 0.01, 0, 0.01).subList(0, 1));
        Finding f = judge(SeminarClaims.PART3, runs).get("DropConnect is worse than the Baseline").get("at the end-point");
        assertTrue(f.value().isEmpty());
        assertEquals(Verdict.NOT_RESOLVED, f.verdict());
        StudyRuns otherSettings = new StudyRuns(SEEDS, SETTINGS.withEpochs(20), runs);
        assertTrue(otherSettings.bySeed(Variants.DROPCONNECT.defaults(), r -> 1).isEmpty());
    }

    /**
     * With other variants trained, a claim is made on those of its kinds with the readings whose other variants were
     * trained, and a claim whose kind was not trained is left out with the reason, never judged at n = 0.
     */
    @Test
    void claimsAreMadeOnTheTrainedVariantsOfTheirKinds() {
        Variant dropout = Variants.DROPOUT.defaults().with("drop", 0.4);
        Study part2 = Studies.PART2.withVariants(List.of(dropout));

        assertEquals(List.of("Dropout(drop=0.4) trains worse than it tests"), part2.claims().stream().map(Claim::text)
                .toList());
        assertEquals(List.of("masks on"), part2.claims().get(0).readings().stream().map(Reading::name).toList(),
                "the readings against the Baseline need the Baseline");
        assertEquals(List.of("2.3 Dropout is better than DropConnect: left out, DropConnect was not trained",
                "2.3 DropConnect trains worse than it tests: left out, DropConnect was not trained"),
                Studies.PART2.claimsLeftOutBy(List.of(dropout)));
        for (Study s : Studies.PLANNED) {
            Study other = s.withVariants(List.of(dropout));
            other.claims().forEach(c -> c.readings().forEach(r -> assertTrue(other.variants().contains(r.first())
                    && other.variants().contains(r.second()), c.text() + " / " + r.name())));
        }
    }

    /** "After epoch 2" needs a third epoch: on shorter runs those readings are not applicable, never supported. */
    @Test
    void aReadingOnEpochsTheRunsLackIsNotApplicable() {
        TrainingSettings twoEpochs = SETTINGS.withEpochs(2);
        List<RunRecord> runs = new ArrayList<>();
        List<RunRecord> full = new ArrayList<>(runs(Variants.LAYERNORM.defaults(), 0.99, 0.0, 0, 0.01));
        full.addAll(runs(Variants.BATCHNORM.defaults(), 0.99, 0.0, 0, 0.01));
        for (RunRecord r : full) {
            runs.add(new RunRecord(r.format(), r.variant(), r.seed(), twoEpochs, r.engine(), r.configuration(),
                    new TrainingHistory(r.history().epochs().subList(0, 2), false), r.divergence(), r.monteCarlo(),
                    r.batchDependence(), r.layerStats(), r.network(), r.environment(), r.fingerprint(),
                    r.trainingSetAccuracy()));
        }
        StudyRuns study = new StudyRuns(SEEDS, twoEpochs, runs);
        boolean sawShort = false;
        for (Claim c : SeminarClaims.PART3) {
            List<Finding> findings = c.judge(study, 0.95);
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                if (c.readings().get(i).minEpochs() > 2) {
                    sawShort = true;
                    assertEquals(Verdict.NOT_APPLICABLE, f.verdict(), c.text() + " / " + f.reading());
                    assertTrue(f.verdictText().contains("3 epochs"), f.verdictText());
                }
            }
        }
        assertTrue(sawShort);
    }

    @Test
    void everyStudyJudgesOnlyClaimsOnItsOwnVariantsAndPartFourJudgesThemAll() {
        for (Study s : Studies.PLANNED) {
            for (Claim c : s.claims()) {
                for (Reading r : c.readings()) {
                    assertTrue(s.variants().contains(r.first()) && s.variants().contains(r.second()),
                            s.name() + " cannot judge '" + c.text() + "' / " + r.name() + " on its variants");
                }
            }
        }
        assertEquals(SeminarClaims.ALL.size(), Studies.PART4.claims().size(), "Part 4 judges every claim of Parts 2–4");
        assertEquals(SeminarClaims.ALL.size(), Studies.AS_RUN.claims().size(), "so do the models as the notebook ran them");
    }
}
