package org.convergence4j.layers;

/** The contract, including the gradient check, on the plain layer {@code x·W + b}. */
class AffineLayerTest extends CustomLayerContract {

    @Override
    protected CustomSameDiffLayer layer(int nIn) {
        return new AffineLayer(nIn, 3);
    }
}
