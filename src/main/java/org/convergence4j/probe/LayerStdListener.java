package org.convergence4j.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Records, every {@code every} iterations of {@code MultiLayerNetwork.fit}, the std of each layer's
 * input and of each layer's weight gradient: the training-time counterpart of {@link StdProbe}.
 * <p>
 * A listener cannot see {@code dL/d(input)}: DL4J passes the per-layer errors between layers
 * without exposing them. It can see the parameter gradients, so the backward statistic here is
 * {@code std(dL/dWₗ)}, with {@code dL/dWₗ = aₗ₋₁ᵀ · dL/dzₗ} for a dense layer. The gradient is read in
 * {@code onGradientCalculation}, where DL4J holds the gradient of the loss <em>summed</em> over the
 * batch (by {@code iterationDone} the updater has overwritten it with the update); it is divided
 * by the batch size N to report the mean-loss gradient, comparable with {@link StdProbe} and with
 * PyTorch. Activations come from {@code onForwardPass}, whose list holds the input of every layer.
 * <p>
 * On iterations that are not sampled the callbacks return after one integer test, so the cost of
 * an unsampled iteration is nil. Not thread-safe; use one listener per network.
 */
public final class LayerStdListener extends BaseTrainingListener {

    private static final String WEIGHT_KEY = "W";

    private final int every;
    private final List<TrainingSample> samples = new ArrayList<>();
    private List<Double> pendingActivationStd;
    private List<Double> pendingWeightGradStd;

    /**
     * @param every sample iterations 0, every, 2·every, …
     * @throws IllegalArgumentException if {@code every < 1}
     */
    public LayerStdListener(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("sampling period must be at least 1 iteration, got " + every);
        }
        this.every = every;
    }

    /** The samples recorded so far, oldest first. */
    public List<TrainingSample> samples() {
        return List.copyOf(samples);
    }

    /** {@inheritDoc} Records the std of every layer's input on sampled iterations. */
    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (!sampled(model)) {
            return;
        }
        requireMultiLayer(model);
        pendingActivationStd = activations.stream().map(Std::of).toList();
    }

    /** {@inheritDoc} Fails on sampled iterations: a ComputationGraph has no ordered layer list. */
    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        if (sampled(model)) {
            requireMultiLayer(model);
        }
    }

    /** {@inheritDoc} Records the std of every layer's mean-loss weight gradient on sampled iterations. */
    @Override
    public void onGradientCalculation(Model model) {
        if (!sampled(model) || pendingActivationStd == null) {
            return;
        }
        MultiLayerNetwork net = requireMultiLayer(model);
        Gradient gradient = net.gradient();
        double n = net.batchSize();
        List<Double> stds = new ArrayList<>(net.getnLayers());
        for (int l = 0; l < net.getnLayers(); l++) {
            INDArray w = gradient.getGradientFor(l + "_" + WEIGHT_KEY);
            stds.add(w == null ? Double.NaN : Std.of(w) / n);
        }
        pendingWeightGradStd = stds;
    }

    /** {@inheritDoc} Stores the sample of this iteration, if one was taken. */
    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (pendingActivationStd != null && pendingWeightGradStd != null) {
            samples.add(new TrainingSample(iteration, epoch, pendingActivationStd, pendingWeightGradStd));
        }
        pendingActivationStd = null;
        pendingWeightGradStd = null;
    }

    private boolean sampled(Model model) {
        return BaseOptimizer.getIterationCount(model) % every == 0;
    }

    private static MultiLayerNetwork requireMultiLayer(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            return net;
        }
        throw new IllegalStateException("LayerStdListener reads MultiLayerNetwork layer lists; got "
                + model.getClass().getSimpleName());
    }
}
