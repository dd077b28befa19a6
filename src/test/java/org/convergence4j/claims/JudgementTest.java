package org.convergence4j.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantSpec;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.StudyRuns;
import org.convergence4j.study.Studies;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunRecord;
import org.junit.jupiter.api.Test;

/** Matching a study's readings with another study's readings of the same claims. */
class JudgementTest {

    private static Judgement judge(List<Variant> variants, List<RunRecord> runs) {
        List<Claim> claims = SeminarClaims.ALL.stream().flatMap(c -> c.on(variants).stream()).toList();
        return Judgement.of(claims, new StudyRuns(FakeRuns.SEEDS, FakeRuns.SETTINGS, runs), 0.95);
    }

    /**
     * Every reading of the models as the notebook ran them has its counterpart in the intended models' judgement:
     * the same sentence, reading and claim, with the as-run variant's name in place of the intended one's.
     */
    @Test
    void everyReadingIsMatchedByItsSentenceItsClaimsPlaceAndItsName() {
        Variant dropConnect = Variants.DROPCONNECT.defaults();
        Variant asRun = VariantSpec.parse("DropConnect(hidden=0)").get(0);
        List<Variant> intendedVariants = Studies.SEMINAR_VARIANTS;
        List<Variant> asRunVariants = intendedVariants.stream().map(v -> v.equals(dropConnect) ? asRun : v).toList();
        Judgement intended = judge(intendedVariants, FakeRuns.standard());
        Judgement notebook = judge(asRunVariants, FakeRuns.plus(FakeRuns.without(FakeRuns.standard(), dropConnect),
                FakeRuns.variant(asRun, new double[] {0.97311, 0.97158, 0.97466}, 0.03, 4, 4, 4)));

        assertFalse(notebook.readings().isEmpty());
        for (Finding f : notebook.readings()) {
            Optional<Finding> c = notebook.counterpart(f, intended);
            assertTrue(c.isPresent(), f.claim() + ": " + f.reading());
            assertEquals(f.reading(), c.get().reading());
            assertEquals(f.section(), c.get().section());
            assertEquals(f.claim().replace(asRun.key(), dropConnect.key()), c.get().claim());
        }
    }

    /** Nothing matches in a judgement without the sentence, nor a reading that is not one of the judgement's. */
    @Test
    void aReadingWithoutACounterpartIsEmpty() {
        Judgement judgement = judge(Studies.SEMINAR_VARIANTS, FakeRuns.standard());
        Finding reading = judgement.readings().get(0);
        assertTrue(judgement.counterpart(reading, Judgement.NONE).isEmpty());
        assertTrue(Judgement.NONE.counterpart(reading, judgement).isEmpty());
    }
}
