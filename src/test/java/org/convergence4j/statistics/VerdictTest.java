package org.convergence4j.statistics;

import static org.convergence4j.statistics.Verdict.CONTRADICTED;
import static org.convergence4j.statistics.Verdict.DEPENDS_ON_READING;
import static org.convergence4j.statistics.Verdict.NOT_APPLICABLE;
import static org.convergence4j.statistics.Verdict.NOT_RESOLVED;
import static org.convergence4j.statistics.Verdict.SUPPORTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict of several readings together, on every kind of mixture. */
class VerdictTest {

    @Test
    void readingsAgreeingGiveTheirVerdict() {
        assertEquals(SUPPORTED, Verdict.combine(List.of(SUPPORTED, SUPPORTED, NOT_APPLICABLE)));
        assertEquals(CONTRADICTED, Verdict.combine(List.of(CONTRADICTED, CONTRADICTED)));
    }

    @Test
    void supportedAndContradictedTogetherDependOnTheReading() {
        assertEquals(DEPENDS_ON_READING, Verdict.combine(List.of(SUPPORTED, CONTRADICTED, NOT_RESOLVED)));
        assertEquals(DEPENDS_ON_READING, Verdict.combine(List.of(SUPPORTED, DEPENDS_ON_READING)),
                "a sentence with a claim that depends depends too");
        assertEquals(DEPENDS_ON_READING, Verdict.combine(List.of(DEPENDS_ON_READING)));
    }

    @Test
    void anythingElseIsNotResolvedAndNothingJudgedIsNotApplicable() {
        assertEquals(NOT_RESOLVED, Verdict.combine(List.of(SUPPORTED, NOT_RESOLVED)));
        assertEquals(NOT_RESOLVED, Verdict.combine(List.of(CONTRADICTED, NOT_RESOLVED)));
        assertEquals(NOT_APPLICABLE, Verdict.combine(List.of(NOT_APPLICABLE)));
        assertEquals(NOT_APPLICABLE, Verdict.combine(List.of()));
    }
}
