package org.convergence4j.layers;

import static org.convergence4j.layers.CustomLayerContract.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.models.TestNetwork;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The runtime's {@link GraphPlan}s against SameDiff's sessions, the path they replace. Both run the same ops of the
 * same gradient function on the same arrays (the plan skips only the forward ops that the session repeats in
 * backprop, and the loss ops whose gradient with respect to y is 1 · ε = ε exactly), so training must retrace the
 * sessions' training bit for bit: equal losses, parameters and outputs, with DropConnect's masks drawn from the same
 * seed.
 */
class CustomSameDiffLayerRuntimeTest {

    private static final long SEED = 7;
    private static final int STEPS = 4;
    private static final int BATCH = 32;
    /** A last, smaller batch, as at the end of every epoch: the plan must reallocate its arrays. */
    private static final int LAST_BATCH = 20;
    private static final int ODD_WIDTH = 7;

    /** Every registered variant whose network has a custom SameDiff layer. */
    static List<Variant> customVariants() {
        return Variants.KINDS.stream().map(VariantKind::defaults).filter(v -> !customLayers(
                TestNetwork.build(v, SEED, 1e-3, TestNetwork.PYTORCH_DEFAULT)).isEmpty()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customVariants")
    void trainingWithPlansRetracesTrainingWithSessions(Variant head) {
        String variant = head.key();
        List<DataSet> batches = batches();
        MultiLayerNetwork planned = TestNetwork.build(head, SEED, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        MultiLayerNetwork sessions = TestNetwork.build(head, SEED, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        customLayers(sessions).forEach(CustomSameDiffLayerRuntime::useSessions);
        assertFalse(customLayers(planned).isEmpty(), variant + " has no custom SameDiff layer");

        List<Double> plannedScores = train(planned, batches);
        List<Double> sessionScores = train(sessions, batches);

        customLayers(planned).forEach(layer -> assertTrue(layer.usesPlan(), variant + " fell back to sessions"));
        customLayers(sessions).forEach(layer -> assertFalse(layer.usesPlan()));
        assertEquals(sessionScores, plannedScores);
        assertIdentical(sessions.params(), planned.params());
        INDArray x = batches.get(0).getFeatures();
        assertIdentical(sessions.output(x, false), planned.output(x, false));
    }

    /**
     * The same in double precision on an odd width, where a division by the width and a multiplication by its
     * inverse would differ: the gradients of every parameter, the layers below included (they receive the custom
     * layer's dL/dx), are bit-identical.
     */
    @ParameterizedTest
    @ValueSource(strings = {"affine", "dropconnect", "layernorm", "wholebatch", "rmsnorm"})
    void gradientsWithPlansEqualGradientsWithSessionsInDoublePrecision(String layer) {
        INDArray x = CustomLayerContract.randomInput(DataType.DOUBLE, 6, ODD_WIDTH);
        INDArray labels = CustomLayerContract.oneHotLabels(DataType.DOUBLE, 6);
        MultiLayerNetwork planned = doubleNetwork(layer);
        MultiLayerNetwork sessions = doubleNetwork(layer);
        customLayers(sessions).forEach(CustomSameDiffLayerRuntime::useSessions);

        INDArray plannedGradient = gradient(planned, x, labels);
        INDArray sessionGradient = gradient(sessions, x, labels);

        customLayers(planned).forEach(l -> assertTrue(l.usesPlan(), layer + " fell back to sessions"));
        assertIdentical(sessionGradient, plannedGradient);
        assertEquals(sessions.score(), planned.score());
    }

    private static MultiLayerNetwork doubleNetwork(String layer) {
        CustomSameDiffLayer custom = switch (layer) {
            case "affine" -> new AffineLayer(ODD_WIDTH, 3);
            case "dropconnect" -> new DropConnect(ODD_WIDTH, 3, 0.6);
            case "layernorm" -> new LayerNormalization(ODD_WIDTH);
            case "wholebatch" -> new LayerNormalization(ODD_WIDTH, LayerNormalization.Statistics.BATCH);
            case "rmsnorm" -> new RMSNorm(ODD_WIDTH);
            default -> throw new IllegalArgumentException(layer);
        };
        return CustomLayerContract.network(DataType.DOUBLE, InputType.feedForward(ODD_WIDTH),
                new DenseLayer.Builder().nOut(ODD_WIDTH).activation(Activation.TANH).build(), custom);
    }

    /** The loss gradient with respect to all parameters, a copy; DropConnect's mask drawn from {@link #SEED}. */
    private static INDArray gradient(MultiLayerNetwork net, INDArray x, INDArray labels) {
        net.setInput(x);
        net.setLabels(labels);
        Nd4j.getRandom().setSeed(SEED);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    /**
     * Fits {@code net} on each batch in turn, from the same RNG state, with an inference pass between steps (as the
     * Trainer's evaluation does) that the next backward pass must not see.
     *
     * @return the loss after each step
     */
    private static List<Double> train(MultiLayerNetwork net, List<DataSet> batches) {
        Nd4j.getRandom().setSeed(SEED);
        List<Double> scores = new ArrayList<>();
        for (DataSet batch : batches) {
            net.fit(batch);
            scores.add(net.score());
            net.output(batches.get(batches.size() - 1).getFeatures(), false);
        }
        return scores;
    }

    /** Standard normal images and cycling labels, {@value #STEPS} batches of {@value #BATCH}, then a smaller one. */
    private static List<DataSet> batches() {
        Nd4j.getRandom().setSeed(SEED);
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i <= STEPS; i++) {
            int size = i < STEPS ? BATCH : LAST_BATCH;
            INDArray labels = Nd4j.zeros(DataType.FLOAT, size, TestNetwork.CLASSES);
            for (int j = 0; j < size; j++) {
                labels.putScalar(j, (i + j) % TestNetwork.CLASSES, 1);
            }
            batches.add(new DataSet(Nd4j.randn(DataType.FLOAT, size, TestNetwork.SIDE * TestNetwork.SIDE), labels));
        }
        return batches;
    }

    private static List<CustomSameDiffLayerRuntime> customLayers(MultiLayerNetwork net) {
        List<CustomSameDiffLayerRuntime> layers = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            if (layer instanceof CustomSameDiffLayerRuntime custom) {
                layers.add(custom);
            }
        }
        return layers;
    }
}
