/**
 * Custom SameDiff layers (DropConnect, LayerNormalization, RMSNorm) and the base that makes them correct; and
 * {@link org.convergence4j.layers.GenericMaxPooling}, DL4J's max pooling pinned to libnd4j's generic kernels.
 */
package org.convergence4j.layers;
