package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convergence4j.study.Studies;
import org.junit.jupiter.api.Test;

/**
 * A kind registered by the test classpath alone ({@link TestVariantKinds}, through META-INF/services) is a kind like
 * the built-in ones: it joins the studies of its comparison and Part 4, and its constraint is checked.
 */
class RegistrationTest {

    private static final VariantKind GROUP_NORM = TestVariantKinds.GROUP_NORM;

    @Test
    void aProvidedKindIsRegisteredAndJoinsTheStudiesOfItsComparison() {
        assertTrue(Variants.KINDS.contains(GROUP_NORM));
        assertTrue(Variants.kind("groupnorm").isPresent());
        assertTrue(Studies.PART3.variants().contains(GROUP_NORM.defaults()), Studies.PART3.variants().toString());
        assertTrue(Studies.PART4.variants().contains(GROUP_NORM.defaults()));
        assertTrue(!Studies.PART2.variants().contains(GROUP_NORM.defaults()));
        assertTrue(Variants.usage().contains("GroupNorm(groups=4, width=128) with groups divides width"),
                Variants.usage());
    }

    @Test
    void aVariantThatBreaksAConstraintIsRefusedNamingIt() {
        for (String bad : new String[] {"GroupNorm(groups=5)", "GroupNorm(width=130)", "GroupNorm(groups=3,width=64)"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Variant.of(bad));
            assertTrue(e.getMessage().contains("breaks the constraint groups divides width"), e.getMessage());
        }
        assertTrue(Variant.of("GroupNorm(groups=8,width=64)").value("groups") == 8);
    }
}
