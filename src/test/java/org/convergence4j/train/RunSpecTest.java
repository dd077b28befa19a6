package org.convergence4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.convergence4j.backend.ConvolutionEngine;
import org.convergence4j.models.Head;
import org.convergence4j.models.Parameter;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A run's configuration hash covers everything that changes its numbers, and nothing else. */
class RunSpecTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.seminar("mnist");

    static List<VariantKind> kinds() {
        return Variants.KINDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void equalVariantsHaveEqualConfigurationsAndTheSeedIsKeptApart(VariantKind kind) {
        String a = new RunSpec(kind.defaults(), 1, SETTINGS).configuration();
        assertEquals(a, new RunSpec(Variant.of(kind.name()), 1, SETTINGS).configuration());
        assertEquals(a, new RunSpec(kind.defaults(), 2, SETTINGS).configuration());
        assertEquals(64, a.length(), "SHA-256 in hex");
    }

    /**
     * The stored runs stay reusable: a TestNetwork variant's configuration is still the SHA-256 of the format, the
     * engine, the settings and the JSON of {@link TestNetwork#configuration} with PyTorch's default initialization
     * and nothing else, recomputed here from that recipe rather than compared with a hash copied from a run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aTestNetworkVariantIsHashedFromTheTestNetworkJsonAlone(VariantKind kind) throws NoSuchAlgorithmException {
        Variant v = kind.defaults();
        String text = String.join("\n", "format 3", "engine " + ConvolutionEngine.available().name(),
                "dataset mnist epochs 20 lr 0.001 batch 128 subset 0",
                TestNetwork.configuration(v.head(), 0, 1e-3, TestNetwork.PYTORCH_DEFAULT).toJson());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, new RunSpec(v, 1, SETTINGS).configuration());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyParameterChangesTheConfiguration(VariantKind kind) {
        String defaults = new RunSpec(kind.defaults(), 1, SETTINGS).configuration();
        for (Parameter p : kind.parameters()) {
            Variant changed = anotherAllowedValue(kind, p);
            assertNotEquals(defaults, new RunSpec(changed, 1, SETTINGS).configuration(), changed.key());
        }
    }

    /**
     * The defaults with {@code p} moved to the first of a few nearby values that its range and the kind's constraints
     * allow (a group count must divide the width: default + 1 may not).
     */
    private static Variant anotherAllowedValue(VariantKind kind, Parameter p) {
        double d = p.defaultValue();
        for (double candidate : p.integer() ? new double[] {d + 1, d - 1, 2 * d, d / 2} : new double[] {d / 2, 2 * d}) {
            try {
                return kind.defaults().with(p.name(), candidate);
            } catch (IllegalArgumentException notAllowed) {
                // the next candidate
            }
        }
        throw new AssertionError(kind.name() + ": no allowed value near " + p.name() + "'s default " + d);
    }

    /** Adam and plain SGD, and two SGD rates, are different runs of the same net. */
    @Test
    void theOptimizerOfAPartOneNetChangesTheConfiguration() {
        for (VariantKind kind : Variants.INITIALIZATION_KINDS) {
            List<String> hashes = Stream.of(kind.defaults(), kind.defaults().with("sgd", 0.1),
                    kind.defaults().with("sgd", 0.01)).map(v -> new RunSpec(v, 1, SETTINGS).configuration()).toList();
            assertEquals(3, Set.copyOf(hashes).size(), kind.name() + ": " + hashes);
        }
    }

    @Test
    void everyTrainingSettingChangesTheConfiguration() {
        Variant v = Variants.BASELINE.defaults();
        String reference = new RunSpec(v, 1, SETTINGS).configuration();
        for (TrainingSettings other : List.of(SETTINGS.withEpochs(2), SETTINGS.withTrainSubset(10_000),
                new TrainingSettings("fashion-mnist", 20, 1e-3, 128, 0), new TrainingSettings("mnist", 20, 1e-2, 128, 0),
                new TrainingSettings("mnist", 20, 1e-3, 64, 0))) {
            assertNotEquals(reference, new RunSpec(v, 1, other).configuration(), other.toString());
        }
    }

    /**
     * A layer setting changed in code, not through a parameter (here the hidden activation), changes the network's
     * DL4J configuration and so the run's: it is retrained rather than reused under the same name.
     */
    @Test
    void aLayerSettingChangedInCodeChangesTheConfiguration() {
        Variant relu = kind(Activation.RELU).defaults();
        Variant tanh = kind(Activation.TANH).defaults();
        assertEquals(relu.key(), tanh.key(), "the same name");
        assertNotEquals(new RunSpec(relu, 1, SETTINGS).configuration(), new RunSpec(tanh, 1, SETTINGS).configuration());
    }

    private static VariantKind kind(Activation hidden) {
        return new VariantKind("Probe", false, Set.of(), List.of(), v -> new Head("probe", 32,
                (nIn, nOut) -> List.of(new DenseLayer.Builder().nIn(nIn).nOut(nOut).activation(hidden).build()),
                (nIn, classes) -> List.of(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                        .nIn(nIn).nOut(classes).activation(Activation.SOFTMAX).build())));
    }
}
