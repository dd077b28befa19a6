package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VariantSpecTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.convergence4j.models.VariantsTest#variants")
    void theCanonicalTextReadsBackAsTheSameVariant(Variant variant) {
        assertEquals(variant, Variant.of(variant.key()));
        assertEquals(variant.key(), Variant.of(variant.key()).key());
    }

    @Test
    void everyKindAtItsDefaultsIsItsBareName() {
        for (VariantKind k : Variants.KINDS) {
            assertEquals(k.name(), k.defaults().key());
            String allDefaults = k.name() + "(" + String.join(",", k.parameters().stream().map(Parameter::withDefault)
                    .toList()) + ")";
            assertEquals(k.defaults(), Variant.of(allDefaults), "spelling out the defaults is the same variant");
        }
    }

    @Test
    void commasInsideParenthesesBelongToTheVariantAndSpacesAndCaseDoNotMatter() {
        List<Variant> v = VariantSpec.parse(" baseline , Dropout( drop = 0.50 ), DropConnect(keep=0.6,width=64)");
        assertEquals(List.of("Baseline", "Dropout(drop=0.5)", "DropConnect(keep=0.6,width=64)"),
                v.stream().map(Variant::key).toList());
        assertEquals(0.6, v.get(2).value("keep"));
        assertEquals(64, v.get(2).value("width"));
    }

    @Test
    void nonDefaultParametersAreWrittenInTheKindsOrder() {
        assertEquals("DropConnect(keep=0.6,width=64)", Variant.of("DropConnect(width=64,keep=0.6)").key());
        assertEquals("dropconnect-keep0.6-width64", Variant.of("DropConnect(width=64,keep=0.6)").fileStem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nope", "Dropout(p=0.5)", "Dropout(drop=1)", "Dropout(drop=-0.1)", "Dropout(drop=x)",
        "DropConnect(keep=0)", "Baseline(width=0.5)", "Dropout(drop=0.5", "Dropout)", "Dropout(drop=0.5)x",
        "Dropout((drop=0.5))", "Dropout(drop)", "Baseline,,Dropout", "Baseline,Baseline", "Dropout,Dropout(drop=0.3)",
        "Dropout(drop=0.5,drop=0.6)"})
    void everyMistakeIsOneLineListingTheKnownVariants(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VariantSpec.parse(text));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().endsWith("known variants: " + Variants.usage()), e.getMessage());
    }

    @Test
    void theMessageSaysWhatIsWrongAndWhatIsAllowed() {
        assertTrue(message("Dropout(drop=1)").startsWith("Dropout: drop=1 is out of range; drop is the probability of "
                + "dropping a unit (PyTorch's p), a number in [0, 1)"), message("Dropout(drop=1)"));
        assertTrue(message("Dropout(p=0.5)").startsWith("Dropout has no parameter 'p' (it has Dropout(drop=0.3, width=128))"),
                message("Dropout(p=0.5)"));
        assertTrue(message("Nope").startsWith("unknown variant 'Nope'"));
        assertTrue(message("Baseline(width=0.5)").contains("a whole number in [1, 4096]"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> VariantSpec.parse(text)).getMessage();
    }
}
