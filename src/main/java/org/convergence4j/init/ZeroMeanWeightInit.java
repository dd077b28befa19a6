package org.convergence4j.init;

import org.deeplearning4j.nn.weights.IWeightInit;

/**
 * A weight initializer that draws i.i.d. zero-mean weights whose variance is known in closed form.
 * Knowing {@code Var(w)} is what signal-propagation theory needs: for a dense layer with zero bias,
 * {@code Var(z_j) = fanIn · Var(w) · E[x²]} on the forward pass and
 * {@code E[(dL/dx_i)²] = fanOut · Var(w) · E[(dL/dz)²]} on the backward pass.
 */
public interface ZeroMeanWeightInit extends IWeightInit {

    /**
     * The variance of every weight, {@code Var(w) = E[w²]}, for a layer with these fans (DL4J calls
     * {@code init} with {@code fanIn = nIn}, {@code fanOut = nOut} for dense layers).
     *
     * @throws IllegalArgumentException if a fan the formula uses is not positive
     */
    double variance(double fanIn, double fanOut);
}
