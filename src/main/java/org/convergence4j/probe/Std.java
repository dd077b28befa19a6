package org.convergence4j.probe;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The one standard deviation every statistic of this package uses. */
final class Std {

    private Std() {
    }

    /**
     * The unbiased (Bessel-corrected) standard deviation over <em>all</em> elements of {@code a},
     * {@code √(Σ(aᵢ − ā)² / (n − 1))}, the same estimator as PyTorch's {@code tensor.std()} that the
     * notebook's hooks call. Accumulated in double precision, since float32 activations can have a
     * mean much larger than their spread.
     *
     * @throws IllegalArgumentException if {@code a} has fewer than two elements
     */
    static double of(INDArray a) {
        if (a.length() < 2) {
            throw new IllegalArgumentException("a standard deviation needs at least 2 values, got shape "
                    + Arrays.toString(a.shape()));
        }
        return a.castTo(DataType.DOUBLE).stdNumber(true).doubleValue();
    }
}
