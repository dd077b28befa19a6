package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.convergence4j.layers.DropConnect;
import org.convergence4j.layers.LayerNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

public class TestNetworkTest {

    private static final int BATCH = 16;

    /** Gradient of the loss on one fixed batch, a copy. */
    public static INDArray gradient(MultiLayerNetwork net) {
        Random random = new Random(5);
        float[] x = new float[BATCH * TestNetwork.SIDE * TestNetwork.SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        INDArray labels = Nd4j.zeros(DataType.FLOAT, BATCH, TestNetwork.CLASSES);
        for (int i = 0; i < BATCH; i++) {
            labels.putScalar(i, random.nextInt(TestNetwork.CLASSES), 1);
        }
        net.setInput(Nd4j.create(x, new long[] {BATCH, x.length / BATCH}, DataType.FLOAT));
        net.setLabels(labels);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    @Test
    void convolutionsCacheTheirForwardResultsForBackprop() {
        MultiLayerNetwork net = TestNetwork.build(Variants.BASELINE.defaults(), 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);

        assertEquals(CacheMode.DEVICE, net.getLayerWiseConfigurations().getCacheMode());
    }

    /** The cache only saves recomputing the forward convolution: the gradient is the same, bit for bit. */
    @Test
    void cachingLeavesTheGradientUnchanged() {
        MultiLayerNetwork cached = TestNetwork.build(Variants.BASELINE.defaults(), 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        MultiLayerNetwork recomputed = TestNetwork.build(Variants.BASELINE.defaults(), 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        recomputed.getLayerWiseConfigurations().setCacheMode(CacheMode.NONE);
        recomputed.setCacheMode(CacheMode.NONE);

        INDArray expected = gradient(recomputed);
        INDArray actual = gradient(cached);

        assertNotEquals(0.0, expected.norm2Number().doubleValue());
        assertArrayEquals(expected.data().asFloat(), actual.data().asFloat());
    }
    /**
     * The notebook's models as it ran them: DropConnect(hidden=0) is the trunk's 196 features into one
     * DropConnect(196 → 10) and the softmax loss; BatchNorm(first=512) has 512 units in its first hidden layer and
     * 128 in its second ({@code sizes = [196, 512, 128, 10]}); LayerNorm(whole=1) normalizes with the statistics of
     * the whole batch tensor in both its layers.
     */
    @Test
    void theNotebooksModelsHaveItsShapes() {
        MultiLayerConfiguration dropConnect = Variant.of("DropConnect(hidden=0)").configuration(0, 1e-3);
        List<String> head = new ArrayList<>();
        for (int i = 4; i < dropConnect.getConfs().size(); i++) {
            head.add(dropConnect.getConf(i).getLayer().getClass().getSimpleName());
        }
        assertEquals(List.of("DropConnect", "LossLayer"), head);
        DropConnect only = (DropConnect) dropConnect.getConf(4).getLayer();
        assertEquals(List.of((long) TestNetwork.FEATURES, (long) TestNetwork.CLASSES), List.of(only.nIn(), only.nOut()));

        assertEquals(List.of(512, 128), Variant.of("BatchNorm(first=512)").head().widths());
        assertEquals(List.of(128, 128), Variants.BATCHNORM.defaults().head().widths());
        assertThrows(IllegalArgumentException.class, () -> Variant.of("DropConnect(hidden=0,width=64)"),
                "a width without hidden layers means nothing");

        MultiLayerConfiguration layerNorm = Variant.of("LayerNorm(whole=1)").configuration(0, 1e-3);
        assertEquals(List.of(LayerNormalization.Statistics.BATCH, LayerNormalization.Statistics.BATCH),
                layerNorm.getConfs().stream().map(c -> c.getLayer()).filter(l -> l instanceof LayerNormalization)
                        .map(l -> ((LayerNormalization) l).statistics()).toList());
    }
}
