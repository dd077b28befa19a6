package org.convergence4j.probe;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything one forward and backward pass of a dense net computes on one batch, per dense layer
 * {@code l = 0 … L−1} (the output layer is the last): its input {@code aₗ₋₁} (the batch itself for
 * {@code l = 0}), the gradient {@code dL/daₗ₋₁} of the loss with respect to that input, and the
 * gradient {@code dL/dzₗ} with respect to its pre-activation {@code zₗ = aₗ₋₁·Wₗ + bₗ}. All arrays
 * are {@code [N, width]}; {@code L} is the <em>mean</em> negative log-likelihood over the N examples.
 * The arrays are the caller's to keep; they do not alias the network's parameters.
 *
 * @param inputs {@code aₗ₋₁} per dense layer
 * @param inputGradients {@code dL/daₗ₋₁} per dense layer
 * @param preActivationGradients {@code dL/dzₗ} per dense layer
 * @param loss {@code L}, in nats
 */
public record ProbeTrace(List<INDArray> inputs, List<INDArray> inputGradients,
        List<INDArray> preActivationGradients, double loss) {

    /** @throws IllegalArgumentException if the three lists differ in length */
    public ProbeTrace {
        inputs = List.copyOf(inputs);
        inputGradients = List.copyOf(inputGradients);
        preActivationGradients = List.copyOf(preActivationGradients);
        if (inputs.size() != inputGradients.size() || inputs.size() != preActivationGradients.size()) {
            throw new IllegalArgumentException("one input, input gradient and pre-activation gradient per layer, got "
                    + inputs.size() + ", " + inputGradients.size() + ", " + preActivationGradients.size());
        }
    }

    /** The number of dense layers L. */
    public int depth() {
        return inputs.size();
    }
}
