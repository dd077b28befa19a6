/**
 * Per-layer statistics of activations and gradients: a one-batch probe, a training listener, the
 * initialization study over seeds and its mean-field theory.
 */
package org.convergence4j.probe;
