package org.convergence4j.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A test's own layer, registered by the test classpath alone (TestVariantKinds): group normalization per example
 * (Wu &amp; He 2018) over {@code n} features in {@code groups} groups of n/groups consecutive features,
 * y = g ∘ (x − μ_group) / √(σ²_group + ε) + β, ε = 1e-5 a configuration field. Input and output {@code [batch, n]}.
 */
public final class GroupNormalization extends CustomSameDiffLayer {

    private static final String GAIN = "g";
    private static final String SHIFT = "beta";

    /** Groups of features normalized together; divides n. */
    @JsonProperty
    private int groups;
    /** Keeps the division finite for constant groups. */
    @JsonProperty
    private double epsilon;

    /** For Jackson only. */
    private GroupNormalization() {
    }

    /**
     * @param n features per example
     * @param groups groups, dividing n
     * @throws IllegalArgumentException if groups does not divide n
     */
    public GroupNormalization(long n, int groups) {
        super(n, n);
        if (groups < 1 || n % groups != 0) {
            throw new IllegalArgumentException("GroupNormalization: groups=" + groups + " must divide n=" + n);
        }
        this.groups = groups;
        this.epsilon = 1e-5;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(GAIN, 1, nIn());
        params.addBiasParam(SHIFT, 1, nIn());
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable training) {
        SDVariable grouped = x.reshape(-1, groups, nIn() / groups);
        SDVariable centred = grouped.sub(grouped.mean(true, 2));
        SDVariable normalized = centred.div(sd.math.sqrt(centred.mul(centred).mean(true, 2).add(epsilon)));
        return normalized.reshape(-1, nIn()).mul(params.get(GAIN)).add(params.get(SHIFT));
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1);
        params.get(SHIFT).assign(0);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && groups == ((GroupNormalization) o).groups
                && epsilon == ((GroupNormalization) o).epsilon;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + groups;
    }
}
