package org.convergence4j.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The seminar's one-batch experiment (1.2): push a batch through a dense net, backpropagate the
 * loss, and report per dense layer the std of its input, of {@code dL/d(input)} and of
 * {@code dL/d(pre-activation)}.
 * <p>
 * Forward: DL4J's inference-mode {@code feedForward}, so {@code aₗ = φ(aₗ₋₁·Wₗ + bₗ)}. Backward,
 * for the <b>mean</b> loss {@code L = −(1/N) Σₙ log pₙ,yₙ} as PyTorch's {@code NLLLoss} averages it:
 * <pre>
 *   dL/dz_L   = (softmax(z_L) − y) / N            (from the output layer's own loss function)
 *   dL/daₗ₋₁  = dL/dzₗ · Wₗᵀ                       (the "input gradient" of layer l)
 *   dL/dzₗ₋₁  = φ'(zₗ₋₁) ⊙ dL/daₗ₋₁                (from the layer's own activation function)
 * </pre>
 * DL4J itself backpropagates the <em>sum</em> over the batch ({@code calculateGradients} returns
 * N times the gradients above) and divides parameter gradients by N only in the updater, when the
 * configuration's {@code miniBatch} flag is on; the 1/N here makes the numbers comparable with the
 * notebook's. The probe never writes the network's parameters, gradient buffers or updater state,
 * so it can run between training steps.
 * <p>
 * The notebook's backward hook printed {@code grad_input[0]} of a legacy
 * {@code register_backward_hook} on {@code nn.Linear}, which in PyTorch 1.x is the gradient of the
 * <em>bias</em>, not of the input; this probe reports the input gradient the seminar meant.
 */
public final class StdProbe {

    private StdProbe() {
    }

    /**
     * One forward and backward pass over {@code batch}.
     *
     * @param net dense layers followed by one softmax output layer, e.g. a {@code models.DeepMlp}
     * @param batch features {@code [N, nIn]} and one-hot labels {@code [N, classes]}, N ≥ 1
     * @throws IllegalArgumentException if the net has a layer other than dense + output, or the batch
     *     does not fit it
     */
    public static ProbeTrace trace(MultiLayerNetwork net, DataSet batch) {
        int depth = requireDenseNet(net);
        INDArray x = batch.getFeatures();
        INDArray y = batch.getLabels();
        requireFits(net, depth, x, y);
        long n = x.size(0);

        List<INDArray> activations = net.feedForward(x, false);
        List<INDArray> inputs = List.copyOf(activations.subList(0, depth));

        INDArray[] inputGradients = new INDArray[depth];
        INDArray[] preActivationGradients = new INDArray[depth];
        OutputLayer output = (OutputLayer) net.getLayer(depth - 1).conf().getLayer();
        ILossFunction lossFn = output.getLossFn();
        INDArray zLast = preActivation(net, depth - 1, inputs.get(depth - 1));
        INDArray labels = y.castTo(zLast.dataType());
        double loss = lossFn.computeScore(labels, zLast, output.getActivationFn(), null, true);
        INDArray delta = lossFn.computeGradient(labels, zLast, output.getActivationFn(), null).divi(n);
        for (int l = depth - 1; l >= 0; l--) {
            preActivationGradients[l] = delta;
            inputGradients[l] = delta.mmul(weights(net, l).transpose());
            if (l > 0) {
                BaseLayer below = (BaseLayer) net.getLayer(l - 1).conf().getLayer();
                INDArray z = preActivation(net, l - 1, inputs.get(l - 1));
                delta = below.getActivationFn().backprop(z, inputGradients[l].dup()).getFirst();
            }
        }
        return new ProbeTrace(inputs, Arrays.asList(inputGradients), Arrays.asList(preActivationGradients), loss);
    }

    /** The per-layer standard deviations of {@link #trace}, input layer first. */
    public static List<LayerStd> measure(MultiLayerNetwork net, DataSet batch) {
        return summarize(net, trace(net, batch));
    }

    /** The per-layer standard deviations of a trace of {@code net}, input layer first. */
    public static List<LayerStd> summarize(MultiLayerNetwork net, ProbeTrace trace) {
        List<LayerStd> stats = new ArrayList<>(trace.depth());
        for (int l = 0; l < trace.depth(); l++) {
            FeedForwardLayer conf = (FeedForwardLayer) net.getLayer(l).conf().getLayer();
            stats.add(new LayerStd(l + 1, conf.getNIn(), conf.getNOut(), Std.of(trace.inputs().get(l)),
                    Std.of(trace.inputGradients().get(l)), Std.of(trace.preActivationGradients().get(l))));
        }
        return Collections.unmodifiableList(stats);
    }

    /** {@code zₗ = aₗ₋₁·Wₗ + bₗ}. */
    private static INDArray preActivation(MultiLayerNetwork net, int l, INDArray input) {
        INDArray b = net.getLayer(l).getParam("b");
        return input.mmul(weights(net, l)).addiRowVector(b);
    }

    private static INDArray weights(MultiLayerNetwork net, int l) {
        return net.getLayer(l).getParam("W");
    }

    /** Returns the number of layers after checking they are dense layers ending in an output layer. */
    private static int requireDenseNet(MultiLayerNetwork net) {
        int depth = net.getnLayers();
        for (int l = 0; l < depth; l++) {
            Object conf = net.getLayer(l).conf().getLayer();
            boolean last = l == depth - 1;
            boolean ok = last ? conf instanceof OutputLayer
                    : conf instanceof DenseLayer dense && !dense.hasLayerNorm() && dense.hasBias();
            if (!ok || net.getLayerWiseConfigurations().getInputPreProcess(l) != null) {
                throw new IllegalArgumentException("StdProbe handles dense layers (with bias, without layer norm or "
                        + "preprocessor) followed by one OutputLayer; layer " + l + " is "
                        + conf.getClass().getSimpleName() + "; build the net with models.DeepMlp");
            }
        }
        return depth;
    }

    private static void requireFits(MultiLayerNetwork net, int depth, INDArray x, INDArray y) {
        long nIn = ((FeedForwardLayer) net.getLayer(0).conf().getLayer()).getNIn();
        long classes = ((FeedForwardLayer) net.getLayer(depth - 1).conf().getLayer()).getNOut();
        if (x.rank() != 2 || x.size(1) != nIn || y.rank() != 2 || y.size(1) != classes || x.size(0) != y.size(0)) {
            throw new IllegalArgumentException("batch must be features [N, " + nIn + "] and one-hot labels [N, "
                    + classes + "], got " + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
    }
}
