package org.convergence4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.factory.Nd4j;

class NativeBuildTest {

    /** The flags of a CPU that runs {@code build} and nothing that needs more. */
    private static Set<String> flagsOf(NativeBuild build) {
        Set<String> flags = new HashSet<>(Set.of("sse2", "fpu"));
        for (NativeBuild b : NativeBuild.values()) {
            if (b.ordinal() <= build.ordinal()) {
                flags.addAll(b.requiredFlags());
            }
        }
        return flags;
    }

    @Test
    void everyCpuGetsABuildItRunsAndTheMostPreferredOfThose() {
        for (NativeBuild most : NativeBuild.values()) {
            Set<String> flags = flagsOf(most);
            NativeBuild chosen = NativeBuild.forCpu(flags);
            assertTrue(chosen.runsOn(flags), most + " → " + chosen);
            for (NativeBuild preferred : NativeBuild.PREFERENCE.subList(0, NativeBuild.PREFERENCE.indexOf(chosen))) {
                assertTrue(!preferred.runsOn(flags), preferred + " runs on " + flags + " and is preferred to " + chosen);
            }
        }
        assertEquals(NativeBuild.PLAIN, NativeBuild.forCpu(Set.of()), "no flags (no /proc/cpuinfo): the plain build");
    }

    @Test
    void thePreferenceListsEveryBuildOnce() {
        assertEquals(Set.of(NativeBuild.values()), new HashSet<>(NativeBuild.PREFERENCE));
        assertEquals(NativeBuild.values().length, NativeBuild.PREFERENCE.size());
    }

    @ParameterizedTest
    @EnumSource(NativeBuild.class)
    void aBuildIsFoundByItsExtensionWithOrWithoutTheDashAndByItsClassifier(NativeBuild build) {
        assertEquals(build, NativeBuild.of(build.extension()));
        assertEquals(build, NativeBuild.of(build.classifier()));
        if (!build.extension().isEmpty()) {
            assertEquals(build, NativeBuild.of(build.extension().substring(1)));
        }
    }

    @Test
    void anUnknownBuildNamesTheShippedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeBuild.of("-cuda"));
        for (NativeBuild b : NativeBuild.values()) {
            assertTrue(e.getMessage().contains(b.classifier()), e.getMessage());
        }
    }

    /** The tests run on the build selected for them (SelectNativeBuild, or -D on the Maven command line). */
    @Test
    void theLoadedBuildIsTheSelectedOne() {
        Nd4j.create(1);
        String selected = System.getProperty(NativeBuild.EXTENSION_PROPERTY);
        assertEquals(Optional.of(NativeBuild.of(selected)), NativeBuild.loaded());
        assertEquals(Optional.of(NativeBuild.selected()), NativeBuild.loaded());
        assertEquals("-D" + NativeBuild.EXTENSION_PROPERTY + "=" + selected, NativeBuild.selected().jvmOption());
    }
}
