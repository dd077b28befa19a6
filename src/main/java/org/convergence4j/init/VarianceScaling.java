package org.convergence4j.init;

import java.util.Objects;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Variance-scaling initialization: i.i.d. zero-mean weights with
 * <pre>
 *   Var(w) = scale / n,   n = fanIn | fanOut | (fanIn + fanOut) / 2   (see {@link FanMode})
 * </pre>
 * drawn from {@code N(0, scale/n)} or from {@code U(-a, a)} with {@code a = √(3·scale/n)} (a
 * uniform on [-a, a] has variance a²/3). One class covers the seminar's schemes:
 * <ul>
 *   <li>Xavier/Glorot normal, std √(2/(in+out)): {@code (NORMAL, AVERAGE, 1)} = {@link #xavier}</li>
 *   <li>Xavier/Glorot uniform, ±√(6/(in+out)): {@code (UNIFORM, AVERAGE, 1)}</li>
 *   <li>He/Kaiming normal, std √(2/in): {@code (NORMAL, IN, 2)} = {@link #he}</li>
 *   <li>He normal on the backward fan, std √(2/out): {@code (NORMAL, OUT, 2)}</li>
 *   <li>the seminar's "good_grad", std √(1/out): {@code (NORMAL, OUT, 1)}</li>
 * </ul>
 * Unlike DL4J's {@code WeightInitVarScalingNormal*}, the normal is not truncated, so the variance
 * is exactly {@code scale/n} as in PyTorch's {@code normal_}. Random numbers come from ND4J's global
 * generator, which {@code MultiLayerNetwork.init()} seeds from the configuration's seed.
 */
public final class VarianceScaling implements ZeroMeanWeightInit {

    private static final long serialVersionUID = 1L;

    /** The distribution the weights are drawn from; both have mean 0 and variance scale/n. */
    public enum Distribution {
        /** {@code N(0, scale/n)}. */
        NORMAL,
        /** {@code U(-√(3·scale/n), √(3·scale/n))}. */
        UNIFORM
    }

    /** Which fan is {@code n} in {@code Var(w) = scale/n}. */
    public enum FanMode {
        /** {@code n = fanIn}: preserves the forward variance (He, LeCun). */
        IN,
        /** {@code n = fanOut}: preserves the backward (gradient) variance. */
        OUT,
        /** {@code n = (fanIn + fanOut)/2}: Glorot and Bengio's compromise between the two. */
        AVERAGE
    }

    private final Distribution distribution;
    private final FanMode fanMode;
    private final double scale;

    /**
     * @param distribution normal or uniform
     * @param fanMode which fan divides the scale
     * @param scale the numerator of {@code Var(w) = scale/n}; 1 for Xavier, 2 for He
     * @throws IllegalArgumentException if {@code scale} is not a positive finite number
     */
    @JsonCreator
    public VarianceScaling(@JsonProperty("distribution") Distribution distribution,
            @JsonProperty("fanMode") FanMode fanMode, @JsonProperty("scale") double scale) {
        this.distribution = Objects.requireNonNull(distribution, "distribution");
        this.fanMode = Objects.requireNonNull(fanMode, "fanMode");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(
                    "scale must be a positive finite number (1 for Xavier, 2 for He), got " + scale);
        }
        this.scale = scale;
    }

    /** Xavier/Glorot: {@code Var(w) = 2/(fanIn + fanOut)}, normal or uniform. */
    public static VarianceScaling xavier(Distribution distribution) {
        return new VarianceScaling(distribution, FanMode.AVERAGE, 1.0);
    }

    /** He/Kaiming normal: {@code Var(w) = 2/fanIn} (or {@code 2/fanOut}), for ReLU nets. */
    public static VarianceScaling he(FanMode fanMode) {
        return new VarianceScaling(Distribution.NORMAL, fanMode, 2.0);
    }

    /** {@inheritDoc} */
    @Override
    public double variance(double fanIn, double fanOut) {
        return scale / fan(fanIn, fanOut);
    }

    /** {@inheritDoc} */
    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        double variance = variance(fanIn, fanOut);
        switch (distribution) {
            case NORMAL -> Nd4j.randn(paramView, Nd4j.getRandom()).muli(Math.sqrt(variance));
            case UNIFORM -> {
                double a = Math.sqrt(3 * variance);
                Nd4j.rand(paramView, -a, a, Nd4j.getRandom());
            }
            default -> throw new AssertionError(distribution);
        }
        return paramView.reshape(order, shape);
    }

    private double fan(double fanIn, double fanOut) {
        return switch (fanMode) {
            case IN -> requirePositive("fanIn", fanIn);
            case OUT -> requirePositive("fanOut", fanOut);
            case AVERAGE -> (requirePositive("fanIn", fanIn) + requirePositive("fanOut", fanOut)) / 2;
        };
    }

    private static double requirePositive(String name, double fan) {
        if (!(fan > 0) || Double.isInfinite(fan)) {
            throw new IllegalArgumentException(name + " must be a positive finite number of units, got "
                    + fan + "; check the layer's nIn/nOut");
        }
        return fan;
    }

    /** The distribution the weights are drawn from. */
    public Distribution distribution() {
        return distribution;
    }

    /** Which fan divides the scale. */
    public FanMode fanMode() {
        return fanMode;
    }

    /** The numerator of {@code Var(w) = scale/n}. */
    public double scale() {
        return scale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VarianceScaling v && v.distribution == distribution && v.fanMode == fanMode
                && Double.compare(v.scale, scale) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(distribution, fanMode, scale);
    }

    @Override
    public String toString() {
        return "VarianceScaling(" + distribution + ", fan " + fanMode + ", scale " + scale + ")";
    }
}
