package org.convergence4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LayerFingerprintTest {

    @AfterEach
    void restoreTheCode() {
        EditableNorm.epsilon = EditableNorm.ORIGINAL_EPSILON;
    }

    private static MultiLayerConfiguration network(CustomSameDiffLayer layer) {
        return new NeuralNetConfiguration.Builder().seed(3).list().layer(layer).build();
    }

    /** Every registered network with a custom layer: its fingerprint is finite and the same when taken again. */
    @Test
    void everyRegisteredCustomLayerHasARepeatableFingerprint() {
        int layers = 0;
        for (VariantKind kind : Variants.KINDS) {
            MultiLayerConfiguration conf = kind.defaults().configuration(0, 1e-3);
            List<LayerFingerprint> first = LayerFingerprint.of(conf);
            for (LayerFingerprint print : first) {
                assertTrue(print.values().stream().allMatch(Double::isFinite), print.toString());
                assertTrue(print.values().get(0) > 0, "a layer whose output is zero tells nothing: " + print);
            }
            assertEquals(Optional.empty(), LayerFingerprint.difference(first, LayerFingerprint.of(conf)), kind.name());
            layers += first.size();
        }
        assertTrue(layers > 0, "the registry has custom layers");
    }

    @Test
    void aNetworkWithoutCustomLayersHasNone() {
        assertEquals(List.of(), LayerFingerprint.of(Variants.BASELINE.defaults().configuration(0, 1e-3)));
    }

    /**
     * A constant of the code that no configuration field holds: ε of a normalization moved from 1e-8 to 1e-7 changes
     * the output of the input's smallest rows (mean(x²) ≈ 10⁻⁸) by a quarter, far above the tolerance.
     */
    @Test
    void aChangedConstantInTheCodeChangesTheFingerprintButNotTheConfiguration() {
        MultiLayerConfiguration conf = network(new EditableNorm(16));
        List<LayerFingerprint> before = LayerFingerprint.of(conf);
        String json = conf.toJson();

        EditableNorm.epsilon = 1e-7;
        List<LayerFingerprint> after = LayerFingerprint.of(conf);

        assertEquals(json, conf.toJson(), "the configuration cannot see the edit");
        Optional<String> difference = LayerFingerprint.difference(before, after);
        assertTrue(difference.isPresent());
        assertTrue(difference.get().contains("0 EditableNorm"), difference.get());
    }

    /** A change far below what any code edit of interest makes, and above rounding: still a change. */
    @Test
    void theToleranceSeparatesRoundingFromAChange() {
        LayerFingerprint print = LayerFingerprint.of(network(new EditableNorm(16))).get(0);
        List<Double> rounded = print.values().stream().map(v -> v * (1 + LayerFingerprint.TOLERANCE / 100)).toList();
        List<Double> changed = print.values().stream().map(v -> v * (1 + LayerFingerprint.TOLERANCE * 100)).toList();

        assertFalse(LayerFingerprint.difference(List.of(print), List.of(new LayerFingerprint(print.layer(), rounded)))
                .isPresent());
        assertTrue(LayerFingerprint.difference(List.of(print), List.of(new LayerFingerprint(print.layer(), changed)))
                .isPresent());
    }

    @Test
    void anotherLayerListIsADifference() {
        Variant layerNorm = Variants.LAYERNORM.defaults();
        Variant rmsNorm = Variants.RMSNORM.defaults();
        Optional<String> difference = LayerFingerprint.difference(
                LayerFingerprint.of(layerNorm.configuration(0, 1e-3)), LayerFingerprint.of(rmsNorm.configuration(0, 1e-3)));
        assertTrue(difference.isPresent() && difference.get().contains("RMSNorm"), difference.toString());
    }
}
