package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.convergence4j.init.FixedNormal;
import org.convergence4j.init.VarianceScaling;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

class DeepMlpTest {

    private final DeepMlp mlp = new DeepMlp(List.of(12, 8, 8, 10), Activation.TANH,
            VarianceScaling.xavier(VarianceScaling.Distribution.UNIFORM));

    @Test
    void layersFollowTheSizesAndEndInSoftmaxNll() {
        MultiLayerNetwork net = mlp.build(1);
        assertEquals(3, net.getnLayers());
        for (int l = 0; l < 2; l++) {
            DenseLayer dense = assertInstanceOf(DenseLayer.class, net.getLayer(l).conf().getLayer());
            assertEquals(mlp.fanIn(l), dense.getNIn());
            assertEquals(mlp.fanOut(l), dense.getNOut());
            assertEquals(Activation.TANH.getActivationFunction(), dense.getActivationFn());
        }
        OutputLayer out = assertInstanceOf(OutputLayer.class, net.getLayer(2).conf().getLayer());
        assertEquals(10, out.getNOut());
        assertInstanceOf(ActivationSoftmax.class, out.getActivationFn());
        assertInstanceOf(LossNegativeLogLikelihood.class, out.getLossFn());
        assertEquals(new Adam(DeepMlp.LEARNING_RATE), ((BaseLayer) out).getIUpdater());
    }

    @Test
    void biasesStartAtZero() {
        MultiLayerNetwork net = mlp.build(1);
        for (int l = 0; l < net.getnLayers(); l++) {
            assertEquals(0.0, net.getLayer(l).getParam("b").amaxNumber().doubleValue());
        }
    }

    @Test
    void customInitializersSurviveJsonAndModelSaving(@TempDir Path dir) throws IOException {
        DeepMlp fixed = new DeepMlp(List.of(12, 8, 10), Activation.RELU, new FixedNormal(0.1));
        for (DeepMlp spec : List.of(mlp, fixed)) {
            MultiLayerConfiguration conf = spec.configuration(3, new Adam(DeepMlp.LEARNING_RATE));
            assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));

            MultiLayerNetwork net = spec.build(3);
            File file = dir.resolve("net.zip").toFile();
            ModelSerializer.writeModel(net, file, true);
            MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file);
            assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
            assertEquals(net.params(), restored.params());
            // The restored configuration initializes exactly as the original does.
            MultiLayerNetwork reinitialized = new MultiLayerNetwork(restored.getLayerWiseConfigurations());
            reinitialized.init();
            assertEquals(net.params(), reinitialized.params());
        }
    }

    @Test
    void badSizesFailFast() {
        var init = new FixedNormal(0.1);
        assertThrows(IllegalArgumentException.class, () -> new DeepMlp(List.of(10), Activation.TANH, init));
        assertThrows(IllegalArgumentException.class, () -> new DeepMlp(List.of(10, 0, 10), Activation.TANH, init));
        assertThrows(IllegalArgumentException.class, () -> new DeepMlp(List.of(10, 1), Activation.TANH, init));
        assertThrows(NullPointerException.class, () -> new DeepMlp(List.of(10, 2), null, init));
    }
}
