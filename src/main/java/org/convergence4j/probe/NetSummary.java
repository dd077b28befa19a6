package org.convergence4j.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One net of Part 1 at initialization: its std through depth, geometric means over seeds, and per seed the
 * ratio of its last hidden layer's std to its first ({@link DepthRatios}).
 *
 * @param key e.g. {@code a} or {@code relu_xavier}
 * @param description architecture, activation and initialization in one line
 * @param sizes the layer widths, input first
 * @param activation {@code tanh} or {@code relu}
 * @param initializer the initializer's own description
 * @param seeds initialization seeds summarized over
 * @param forwardStd per dense layer, the std of its input (index 0: the images)
 * @param backwardStd per dense layer, the std of dL/d(its input)
 * @param forwardStdTheory the mean-field expectation of {@code forwardStd}, if there is one
 * @param backwardStdTheory the mean-field expectation of {@code backwardStd}, if there is one
 * @param depth per seed, |log₂(σ_last / σ_first)| of the activations and of the gradients ({@link DepthRatios})
 */
public record NetSummary(String key, String description, List<Integer> sizes, String activation, String initializer,
        int seeds, List<Double> forwardStd, List<Double> backwardStd, Optional<List<Double>> forwardStdTheory,
        Optional<List<Double>> backwardStdTheory, DepthRatios depth) {

    /** @throws IllegalArgumentException if a std is not finite: JSON holds only finite numbers here */
    public NetSummary {
        finite(key, "forward_std", forwardStd);
        finite(key, "backward_std", backwardStd);
        forwardStdTheory.ifPresent(t -> finite(key, "forward_std_theory", t));
        backwardStdTheory.ifPresent(t -> finite(key, "backward_std_theory", t));
        Objects.requireNonNull(depth, "depth");
    }

    /** A non-finite std means an overflow upstream, so fail loudly rather than write it. */
    private static void finite(String key, String name, List<Double> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException("configuration " + key + ": " + name + "[" + i + "] is "
                        + values.get(i) + "; check the run for an overflow");
            }
        }
    }
}
