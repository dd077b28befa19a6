package org.convergence4j.layers;

/** The test-only {@link GroupNormalization} under the contract every custom layer meets. */
class GroupNormalizationTest extends CustomLayerContract {

    /** Two groups where the width is even, else one (a group count must divide the width). */
    @Override
    protected CustomSameDiffLayer layer(int nIn) {
        return new GroupNormalization(nIn, nIn % 2 == 0 ? 2 : 1);
    }
}
