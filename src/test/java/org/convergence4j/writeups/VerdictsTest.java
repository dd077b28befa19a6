package org.convergence4j.writeups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.convergence4j.claims.ClaimVerdict;
import org.convergence4j.claims.Judgement;
import org.convergence4j.claims.Sentence;
import org.convergence4j.claims.SentenceVerdict;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.statistics.MeanInterval;
import org.junit.jupiter.api.Test;

/** The headline counts the notebook's sentences; a claim that depends on the reading says which reading says what. */
class VerdictsTest {

    /** A reading on 10 seeds with the interval [low, high] pp, judged on θ &gt; 0. */
    private static Finding reading(String name, double low, double high) {
        Hypothesis above0 = Hypothesis.above(0);
        MeanInterval value = new MeanInterval(10, (low + high) / 2, low, high, 0.95);
        return new Finding("2.3", "A is better than B", name, "difference", "pp", above0, 10, Optional.of(value),
                above0.judge(value), above0.judge(value), Optional.empty());
    }

    @Test
    void theHeadlineCountsSentencesNotReadings() {
        ClaimVerdict depends = ClaimVerdict.of("2.3", "A is better than B", List.of(reading("at the end-point", -0.3,
                -0.1), reading("over the whole curve", 0.1, 0.3), reading("by test NLL", -0.1, 0.2)));
        ClaimVerdict supported = ClaimVerdict.of("2.3", "C is better than D", List.of(reading("at the end-point",
                0.1, 0.2), reading("over the whole curve", 0.2, 0.3)));
        Judgement j = new Judgement(List.of(SentenceVerdict.of(Sentence.DROPOUT_BETTER, List.of(depends)),
                SentenceVerdict.of(Sentence.TRAINS_WORSE, List.of(supported, supported))));
        Verdicts v = new Verdicts(j);

        assertEquals("Of the notebook's 2 conclusions (its sentences) judged on these runs: 1 supported, 1 depends "
                + "on the reading.", v.headline());
        assertEquals("depends on the reading: contradicted (at the end-point); supported (over the whole curve); not "
                + "resolved at n = 10 (by test NLL)", depends.verdictText());
        assertTrue(v.table().contains("| 2.3 | A is better than B | over the whole curve | difference | +0.20 [+0.10, "
                + "+0.30] | mean > +0.00 pp | supported |"), v.table());
    }
}
