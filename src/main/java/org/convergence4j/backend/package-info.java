/**
 * The native side: which ND4J native build is loaded, how many threads it uses, and the helpers that put the
 * TestNetwork's convolutions on oneDNN and its pooling on libnd4j's generic kernels.
 */
package org.convergence4j.backend;
