package org.convergence4j.layers;

import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.weights.WeightInitUniform;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A linear layer whose every weight is kept with probability {@code p} (Wan et al. 2013), as in the seminar.
 * Input {@code x} is {@code [batch, nIn]}, weights {@code W} are {@code [nIn, nOut]}, bias {@code b} is
 * {@code [1, nOut]}:
 * <ul>
 *   <li>training: {@code y = x·(W∘M) + b}, with {@code M[i][j] ~ Bernoulli(p)} independent, drawn afresh for every
 *       forward pass and shared by the examples of the minibatch (the notebook's mask has the shape of W); the
 *       bias is not masked. The backward pass uses the same {@code M} as its forward pass.</li>
 *   <li>inference: {@code y = x·(p·W) + b}, the expectation of the training output over {@code M}; deterministic.</li>
 * </ul>
 * The mask is drawn on the Java side with ND4J's global RNG and fed to the graph as a placeholder (the same array
 * to the forward and the backward pass); a mask drawn inside the graph would be drawn again when SameDiff re-runs
 * the forward ops for the gradient. Re-seeding {@code Nd4j.getRandom()} before a pass reproduces its mask.
 *
 * <p>Differences from DL4J built-ins: {@code weightnoise.DropConnect(p)} also keeps each weight with probability
 * {@code p} in training but uses the unscaled {@code W} at inference, so its inference output is not the expected
 * training output. Dropout (DL4J's and PyTorch's) zeroes activations instead of weights, with a fresh mask per
 * example, and rescales the kept ones by {@code 1/p} in training so that inference uses the activations as they are.
 *
 * <p>Initialization as PyTorch's {@code nn.Linear}, which the seminar's DropConnect wraps: {@code W} and {@code b}
 * uniform on {@code [-1/√nIn, 1/√nIn]} (DL4J's {@code WeightInit.UNIFORM}).
 */
public final class DropConnect extends CustomSameDiffLayer {

    /** Keep probability the seminar uses. */
    public static final double DEFAULT_P = 0.8;

    private static final String WEIGHT = "W";
    private static final String BIAS = "b";
    private static final String MASK = "mask";

    /** Probability of keeping each weight in a training pass. */
    @JsonProperty
    private double p;

    /** For Jackson only. */
    private DropConnect() {
    }

    /**
     * A DropConnect layer that keeps each weight with probability {@value #DEFAULT_P}.
     *
     * @param nIn  number of input features
     * @param nOut number of output features
     */
    public DropConnect(long nIn, long nOut) {
        this(nIn, nOut, DEFAULT_P);
    }

    /**
     * @param nIn  number of input features
     * @param nOut number of output features
     * @param p    probability of <em>keeping</em> each weight in a training pass, in (0, 1]; 1 gives a plain linear
     *             layer
     */
    public DropConnect(long nIn, long nOut, double p) {
        super(nIn, nOut);
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("DropConnect keep probability p must be in (0, 1], got " + p
                    + "; p is the probability of keeping a weight (drop probability 0.2 means p = 0.8)");
        }
        this.p = p;
    }

    /** @return probability of keeping each weight in a training pass */
    public double p() {
        return p;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(WEIGHT, nIn(), nOut());
        params.addBiasParam(BIAS, 1, nOut());
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
                                  SDVariable training) {
        SDVariable mask = sd.placeHolder(MASK, input.dataType(), nIn(), nOut());
        return input.mmul(params.get(WEIGHT).mul(mask)).add(params.get(BIAS));
    }

    /** Supplies {@code M ~ Bernoulli(p)} in training and a mask filled with {@code p} in inference. */
    @Override
    public Map<String, INDArray> passInputs(boolean training, DataType dataType) {
        long[] shape = {nIn(), nOut()};
        INDArray mask = training
                ? Nd4j.getExecutioner().exec(new BernoulliDistribution(Nd4j.createUninitialized(dataType, shape), p))
                : Nd4j.valueArrayOf(shape, p, dataType);
        return Map.of(MASK, mask);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        WeightInitUniform uniform = new WeightInitUniform();
        for (INDArray param : params.values()) {
            uniform.init(nIn(), nOut(), param.shape(), 'c', param);
        }
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && p == ((DropConnect) o).p;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), p);
    }
}
