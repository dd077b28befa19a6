/**
 * Timing and peak memory of TestNetwork training, DL4J next to the PyTorch reference
 * ({@code reference/pytorch/}), and the weight export that lets both evaluate the same network.
 */
package org.convergence4j.bench;
