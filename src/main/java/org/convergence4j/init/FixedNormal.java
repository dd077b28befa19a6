package org.convergence4j.init;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Weights {@code w ~ N(0, σ²)} with a fixed σ that ignores the fans, like the seminar's
 * {@code weight.normal_(0, 0.1)}. With {@code σ = 0.1} and 500 inputs, {@code fanIn·Var(w) = 5}: every
 * tanh layer amplifies its input's variance until the units saturate. Random numbers come from
 * ND4J's global generator, which {@code MultiLayerNetwork.init()} seeds from the configuration.
 */
public final class FixedNormal implements ZeroMeanWeightInit {

    private static final long serialVersionUID = 1L;

    private final double sigma;

    /**
     * @param sigma the standard deviation σ of every weight
     * @throws IllegalArgumentException if σ is not a positive finite number
     */
    @JsonCreator
    public FixedNormal(@JsonProperty("sigma") double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive finite standard deviation, got " + sigma);
        }
        this.sigma = sigma;
    }

    /** {@inheritDoc} Here {@code σ²}, whatever the fans. */
    @Override
    public double variance(double fanIn, double fanOut) {
        return sigma * sigma;
    }

    /** {@inheritDoc} */
    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        Nd4j.randn(paramView, Nd4j.getRandom()).muli(sigma);
        return paramView.reshape(order, shape);
    }

    /** The standard deviation σ of every weight. */
    public double sigma() {
        return sigma;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedNormal f && Double.compare(f.sigma, sigma) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sigma);
    }

    @Override
    public String toString() {
        return "FixedNormal(σ = " + sigma + ")";
    }
}
