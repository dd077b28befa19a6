package org.convergence4j.train;

import java.util.List;
import org.convergence4j.layers.LayerFingerprint;

/**
 * What makes two runs of one seed interchangeable: the hash of their whole configuration and what their custom layers
 * compute. The hash ({@link RunSpec#configuration()}) covers every setting that is written down: the network's DL4J
 * configuration with every layer's fields, the training settings, the convolution engine and the format. The
 * fingerprints ({@link LayerFingerprint}) cover what is not: the code of the custom layers, whose constants the
 * configuration JSON does not hold. A stored run is reused only when both agree (the fingerprints within their
 * tolerance, so another CPU or native build of the same engine still reuses it).
 *
 * @param configuration the configuration hash, SHA-256 in hex
 * @param fingerprint one per custom layer of the network, in layer order; empty without custom layers
 */
public record RunIdentity(String configuration, List<LayerFingerprint> fingerprint) {

    /** Copies the list. */
    public RunIdentity {
        fingerprint = List.copyOf(fingerprint);
    }
}
