package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.convergence4j.init.VarianceScaling;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.models.Variants;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;

/**
 * Identical runs stored networks with different SHA-256s, since a zip entry holds the time it was written: the file
 * is now a function of the network alone, and reads back as DL4J's own.
 */
class NetworkFileTest {

    private static MultiLayerNetwork network(long seed) {
        return TestNetwork.build(Variants.BASELINE.defaults(), seed, 1e-3, VarianceScaling.he(VarianceScaling.FanMode.IN));
    }

    private static byte[] bytes(MultiLayerNetwork net) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetworkFile.write(net, out);
        return out.toByteArray();
    }

    @Test
    void everyEntryHasTheFixedTimeAndEqualNetworksGiveEqualBytes() throws IOException {
        byte[] first = bytes(network(1));
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertEquals(NetworkFile.ENTRY_TIME, e.getTimeLocal(), e.getName());
            }
        }
        assertTrue(names.contains("configuration.json") && names.contains("coefficients.bin"), names.toString());
        assertArrayEquals(first, bytes(network(1)), "two equal networks, two equal files");
        assertFalse(Arrays.equals(first, bytes(network(2))), "another network, another file");
    }

    @Test
    void itReadsBackAsTheSameNetwork() throws IOException {
        MultiLayerNetwork net = network(3);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes(net)), false);
        assertEquals(net.getLayerWiseConfigurations(), back.getLayerWiseConfigurations());
        assertEquals(net.params(), back.params());
    }
}
