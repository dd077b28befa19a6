package org.convergence4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.backend.NativeBuild;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.train.RunIdentity;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * A stored run is reused on another native build of its engine: every registered variant's identity computed in a
 * JVM that loaded another build has the same configuration hash (where the engine is the same) and fingerprints
 * within the tolerance.
 */
class FingerprintAcrossBuildsTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.seminar("mnist");

    /** Child entry: one line per registered kind, {@code name|engine|hash|layer;v,v,…|layer;…}. */
    public static void main(String[] args) {
        NativeBuild.select();
        for (VariantKind kind : Variants.KINDS) {
            System.out.println(line(kind, new RunSpec(kind.defaults(), 1, SETTINGS).identity()));
        }
        System.exit(0);
    }

    private static String line(VariantKind kind, RunIdentity identity) {
        StringBuilder line = new StringBuilder(kind.name()).append('|').append(ConvolutionEngine.available())
                .append('|').append(identity.configuration());
        for (LayerFingerprint print : identity.fingerprint()) {
            line.append('|').append(print.layer()).append(';')
                    .append(String.join(",", print.values().stream().map(String::valueOf).toList()));
        }
        return line.toString();
    }

    /** Another build this CPU runs, of the same engine if there is one. */
    private static Optional<NativeBuild> otherBuild(NativeBuild current) {
        List<NativeBuild> runnable = Arrays.stream(NativeBuild.values()).filter(b -> b != current)
                .filter(b -> b.runsOn(NativeBuild.cpuFlags())).toList();
        return runnable.stream().filter(b -> (b == NativeBuild.PLAIN) == (current == NativeBuild.PLAIN)).findFirst()
                .or(() -> runnable.stream().findFirst());
    }

    @Test
    void identitiesAgreeOnAnotherNativeBuild() throws IOException, InterruptedException {
        NativeBuild current = NativeBuild.loaded().orElseGet(() -> {
            ConvolutionEngine.available();
            return NativeBuild.loaded().orElseThrow();
        });
        Optional<NativeBuild> other = otherBuild(current);
        assumeTrue(other.isPresent(), "this CPU runs no other native build than " + current.classifier());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", other.get().jvmOption(),
                "-cp", System.getProperty("java.class.path"), FingerprintAcrossBuildsTest.class.getName()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), output);

        Map<String, String[]> theirs = new LinkedHashMap<>();
        output.lines().filter(l -> l.contains("|")).forEach(l -> theirs.put(l.split("\\|")[0], l.split("\\|")));
        for (VariantKind kind : Variants.KINDS) {
            String[] their = theirs.get(kind.name());
            RunIdentity mine = new RunSpec(kind.defaults(), 1, SETTINGS).identity();
            if (their[1].equals(ConvolutionEngine.available().name())) {
                assertEquals(mine.configuration(), their[2], kind.name() + " on " + other.get().classifier());
            }
            List<LayerFingerprint> prints = new ArrayList<>();
            for (int i = 3; i < their.length; i++) {
                String[] parts = their[i].split(";");
                prints.add(new LayerFingerprint(parts[0], Arrays.stream(parts[1].split(",")).map(Double::valueOf)
                        .toList()));
            }
            assertEquals(Optional.empty(), LayerFingerprint.difference(prints, mine.fingerprint()),
                    kind.name() + " on " + other.get().classifier() + " against " + current.classifier());
        }
    }
}
