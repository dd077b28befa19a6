/** Custom SameDiff layers (DropConnect, LayerNormalization, RMSNorm) and the base that makes them correct. */
package org.convergence4j.layers;
