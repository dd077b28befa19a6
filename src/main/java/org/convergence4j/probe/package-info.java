/** Per-layer statistics of activations and gradients: a one-batch probe and a training listener. */
package org.convergence4j.probe;
