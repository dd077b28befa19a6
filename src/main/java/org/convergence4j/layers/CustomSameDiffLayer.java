package org.convergence4j.layers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Base configuration of this project's custom SameDiff layers: feed-forward layers that map an input of shape
 * {@code [batch, nIn]} to an output of shape {@code [batch, nOut]} through a SameDiff graph.
 *
 * <p>A layer defines only
 * <ol>
 *   <li>its parameters, {@link #defineParameters(SDLayerParams)};</li>
 *   <li>its forward graph, {@link #defineLayer(SameDiff, SDVariable, Map, SDVariable)}, and, if that graph needs
 *       arrays drawn on the Java side for every pass (a random mask), {@link #passInputs(boolean, DataType)};</li>
 *   <li>its parameter initialization, {@link #initializeParameters(Map)}.</li>
 * </ol>
 * Everything else (output type, the pre-processor after convolution layers, the runtime layer, JSON) is done here.
 * Subclasses keep a private no-arg constructor and mark their own fields {@code @JsonProperty}, because DL4J
 * rebuilds configurations from JSON through Jackson ({@code ModelSerializer} stores the JSON too).
 *
 * <p>Why not DL4J's own {@code SameDiffLayer}: in 1.0.0-M2.1 its runtime layer
 * <ul>
 *   <li>never passes the training flag into the graph, so a layer cannot behave differently in training and
 *       inference. Here the runtime feeds a scalar placeholder, {@code training} = 1 in training and 0 in
 *       inference, on every forward pass;</li>
 *   <li>returns parameter and input gradients twice too large: it seeds backpropagation with an
 *       {@code ExternalErrorsFunction}, whose {@code doDiff} registers the incoming gradient dL/dy as the output's
 *       gradient <em>and</em> returns it, and {@code DifferentialFunction.diff} then adds the two. Here the runtime
 *       differentiates the scalar ⟨dL/dy, y⟩ = Σ (dL/dy ∘ y) instead, whose gradient with respect to every
 *       parameter θ and to the input x is the chain-rule product (dL/dy)ᵀ ∂y/∂θ, resp. (dL/dy)ᵀ ∂y/∂x.</li>
 * </ul>
 */
public abstract class CustomSameDiffLayer extends AbstractSameDiffLayer {

    /** Placeholder of the layer input, {@code [batch, nIn]}: {@code input}, the name DL4J's runtime uses. */
    static final String INPUT = SameDiffLayer.INPUT_KEY;
    /** Scalar placeholder of the training flag. */
    static final String TRAINING = "training";
    /** Placeholder of dL/dy in backprop, {@code [batch, nOut]}. */
    static final String EPSILON = "epsilon";
    /**
     * Names of the placeholders the runtime feeds itself: {@code input}, {@code training} and {@code epsilon}. No
     * parameter ({@link #defineParameters}) and no pass input ({@link #passInputs}) may take one of them.
     */
    public static final List<String> RESERVED_NAMES = List.of(INPUT, TRAINING, EPSILON);

    /** Input features per example. */
    @JsonProperty
    private long nIn;
    /** Output features per example. */
    @JsonProperty
    private long nOut;

    /** For Jackson only, which fills the fields after construction. */
    protected CustomSameDiffLayer() {
    }

    /**
     * @param nIn  number of input features per example, {@code > 0}
     * @param nOut number of output features per example, {@code > 0}
     */
    protected CustomSameDiffLayer(long nIn, long nOut) {
        if (nIn <= 0 || nOut <= 0) {
            throw new IllegalArgumentException(String.format(
                    "%s needs nIn > 0 and nOut > 0, got nIn=%d, nOut=%d; pass the feature counts of the input and output",
                    getClass().getSimpleName(), nIn, nOut));
        }
        this.nIn = nIn;
        this.nOut = nOut;
    }

    /** @return number of input features per example */
    public long nIn() {
        return nIn;
    }

    /** @return number of output features per example */
    public long nOut() {
        return nOut;
    }

    /**
     * Defines the forward graph.
     *
     * @param sd       the layer's SameDiff instance; extra placeholders named by {@link #passInputs} are declared
     *                 here, with names other than the {@link #RESERVED_NAMES}, which the runtime uses
     * @param input    placeholder of shape {@code [batch, nIn]}
     * @param params   parameter variables, keyed as in {@link #defineParameters(SDLayerParams)}
     * @param training scalar placeholder, 1 during training passes and 0 during inference passes
     * @return the output, of shape {@code [batch, nOut]}
     */
    public abstract SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
                                           SDVariable training);

    /**
     * Arrays the graph needs fresh on every forward pass, keyed by the name of the placeholder that
     * {@link #defineLayer} declares for each. The runtime calls this once per forward pass and feeds the same arrays
     * to the backward pass of that forward pass, so a random draw made here is seen identically by both.
     *
     * @param training whether this is a training pass
     * @param dataType the network's data type, which the arrays must have
     * @return placeholder name → array; none by default
     */
    public Map<String, INDArray> passInputs(boolean training, DataType dataType) {
        return Map.of();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@link #defineParameters} names a parameter after one of the
     *                                  {@link #RESERVED_NAMES}
     */
    @Override
    public SDLayerParams getLayerParams() {
        SDLayerParams params = super.getLayerParams();
        for (String name : params.getParameterKeys()) {
            if (RESERVED_NAMES.contains(name)) {
                throw new IllegalArgumentException(String.format(
                        "%s defines a parameter named '%s', but %s are reserved for the runtime's placeholders; "
                                + "rename the parameter in defineParameters", getClass().getSimpleName(), name,
                        RESERVED_NAMES));
            }
        }
        return params;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the input does not have {@link #nIn()} features per example, or if a
     *                                  parameter takes a reserved name (checked here so that building the
     *                                  configuration fails, not only initializing the network)
     */
    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        getLayerParams();
        long features = inputType.arrayElementsPerExample();
        if (features != nIn) {
            throw new IllegalArgumentException(String.format(
                    "%s (layer %d) has nIn=%d but its input %s has %d features per example; construct it with nIn=%d",
                    getClass().getSimpleName(), layerIndex, nIn, inputType, features, features));
        }
        return InputType.feedForward(nOut);
    }

    /** Flattens convolutional activations {@code [batch, c, h, w]} to {@code [batch, c·h·w]}; none otherwise. */
    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        switch (inputType.getType()) {
            case FF:
            case CNNFlat:
                return null;
            case CNN:
                InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) inputType;
                return new CnnToFeedForwardPreProcessor(c.getHeight(), c.getWidth(), c.getChannels(), c.getFormat());
            default:
                throw new IllegalArgumentException(String.format(
                        "%s takes feed-forward or convolutional input, got %s; put it after a dense or convolution layer",
                        getClass().getSimpleName(), inputType));
        }
    }

    /** Creates {@link CustomSameDiffLayerRuntime}, the runtime that feeds the training flag and fixes the gradient. */
    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        CustomSameDiffLayerRuntime layer = new CustomSameDiffLayerRuntime(conf, networkDataType);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    // The Lombok equals inherited from AbstractSameDiffLayer ignores the subclass and its fields.
    @Override
    public boolean equals(Object o) {
        if (o == null || o.getClass() != getClass() || !super.equals(o)) {
            return false;
        }
        CustomSameDiffLayer other = (CustomSameDiffLayer) o;
        return nIn == other.nIn && nOut == other.nOut;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), super.hashCode(), nIn, nOut);
    }
}
