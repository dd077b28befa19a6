package org.convergence4j.layers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The contract with keep probability 0.6, plus DropConnect's own statistics. */
class DropConnectTest extends CustomLayerContract {

    private static final double P = 0.6;
    /** Statistical assertions accept deviations up to this many standard errors. */
    private static final double STANDARD_ERRORS = 4;
    /** Unit roundoff of float32. */
    private static final double FLOAT_UNIT_ROUNDOFF = Math.ulp(1.0f) / 2;

    @Override
    protected CustomSameDiffLayer layer(int nIn) {
        return new DropConnect(nIn, 3, P);
    }

    @Test
    void gradientsMatchFiniteDifferencesWhenEveryWeightIsKept() {
        withDoublePrecision(() -> assertGradientsCorrect(network(DataType.DOUBLE, InputType.feedForward(5),
                        new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build(),
                        new DropConnect(5, 3, 1.0)),
                randomInput(DataType.DOUBLE, 4, 5)));
    }

    /** Inference is {@code x·(pW) + b} up to the float error bound of a length-nIn dot product, nIn·u·(|x|·|pW| + |b|). */
    @Test
    void inferenceUsesTheExpectedWeights() {
        int nIn = 6;
        Layer layer = dropConnect(nIn, 4);
        INDArray x = randomInput(DataType.FLOAT, 3, nIn);
        INDArray scaledWeights = layer.getParam("W").mul(P);
        INDArray bias = layer.getParam("b");

        INDArray expected = x.mmul(scaledWeights).addRowVector(bias);
        INDArray bound = Transforms.abs(x).mmul(Transforms.abs(scaledWeights)).addRowVector(Transforms.abs(bias))
                .mul((nIn + 1) * FLOAT_UNIT_ROUNDOFF);
        INDArray error = Transforms.abs(layer.activate(x, false, LayerWorkspaceMgr.noWorkspaces()).sub(expected));
        assertTrue(withinBounds(error, bound), () -> "error " + error + " exceeds bound " + bound);
    }

    /** With W = 1, b = 0 and x = I, a training pass outputs the mask itself. */
    @Test
    void trainingDropsAFractionOneMinusPOfTheWeights() {
        int n = 100;
        Layer layer = dropConnect(n, n);
        layer.getParam("W").assign(1);
        layer.getParam("b").assign(0);
        INDArray mask = layer.activate(Nd4j.eye(n).castTo(DataType.FLOAT), true, LayerWorkspaceMgr.noWorkspaces());

        double dropped = 1 - mask.meanNumber().doubleValue();
        double standardError = Math.sqrt(P * (1 - P) / mask.length());
        assertTrue(Math.abs(dropped - (1 - P)) <= STANDARD_ERRORS * standardError,
                () -> "dropped fraction " + dropped + ", expected " + (1 - P) + " ± " + STANDARD_ERRORS * standardError);
    }

    /**
     * The mean of N training outputs estimates the inference output. Per element, a training output
     * Σⱼ xⱼ Wⱼₖ Mⱼₖ + bₖ has variance p(1−p) Σⱼ xⱼ² Wⱼₖ², so the mean's standard error is √(that / N).
     */
    @Test
    void meanTrainingOutputConvergesToTheInferenceOutput() {
        int samples = 2000;
        Layer layer = dropConnect(4, 3);
        INDArray x = randomInput(DataType.FLOAT, 2, 4);
        INDArray sum = Nd4j.zeros(DataType.FLOAT, 2, 3);
        for (int i = 0; i < samples; i++) {
            sum.addi(layer.activate(x, true, LayerWorkspaceMgr.noWorkspaces()));
        }
        INDArray mean = sum.div(samples);
        INDArray inference = layer.activate(x, false, LayerWorkspaceMgr.noWorkspaces());

        INDArray weights = layer.getParam("W");
        INDArray variance = x.mul(x).mmul(weights.mul(weights)).mul(P * (1 - P));
        INDArray tolerance = Transforms.sqrt(variance.div(samples)).mul(STANDARD_ERRORS);
        INDArray deviation = Transforms.abs(mean.sub(inference));
        assertTrue(withinBounds(deviation, tolerance), () -> "deviation " + deviation + " exceeds " + tolerance);
    }

    @Test
    void trainingPassesDifferAndInferencePassesAgree() {
        Layer layer = dropConnect(8, 8);
        INDArray x = randomInput(DataType.FLOAT, 2, 8);
        INDArray first = layer.activate(x, true, LayerWorkspaceMgr.noWorkspaces()).dup();
        INDArray second = layer.activate(x, true, LayerWorkspaceMgr.noWorkspaces()).dup();
        assertFalse(first.equalsWithEps(second, 0), "two training passes drew the same mask");

        assertIdentical(layer.activate(x, false, LayerWorkspaceMgr.noWorkspaces()).dup(),
                layer.activate(x, false, LayerWorkspaceMgr.noWorkspaces()).dup());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, 1.1, Double.NaN})
    void rejectsKeepProbabilitiesOutsideZeroToOne(double p) {
        assertThrows(IllegalArgumentException.class, () -> new DropConnect(3, 2, p));
    }

    private static boolean withinBounds(INDArray deviation, INDArray bound) {
        return bound.sub(deviation).minNumber().doubleValue() >= 0;
    }

    /** A DropConnect layer with keep probability {@link #P}, initialized inside a float network. */
    private static Layer dropConnect(int nIn, int nOut) {
        return network(DataType.FLOAT, InputType.feedForward(nIn), new DropConnect(nIn, nOut, P)).getLayer(0);
    }
}
