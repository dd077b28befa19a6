package org.convergence4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class GenericMaxPoolingTest {

    private static MultiLayerNetwork network(SubsamplingLayer pooling) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).list()
                .layer(pooling)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 2))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * A max is exact and, with continuous random inputs, the maximum of each window is unique, so the generic kernels
     * and DL4J's layer agree bit for bit: output, loss, parameter gradient and the gradient at the input (which goes
     * to each window's maximum).
     */
    @Test
    void sameOutputAndGradientsAsDl4jsSubsamplingLayer() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 2, 8, 8).subi(0.5);
        INDArray labels = Nd4j.eye(3).castTo(DataType.FLOAT).getRows(0, 1, 2, 0, 1);
        MultiLayerNetwork generic = network(new GenericMaxPooling(2, 2));
        MultiLayerNetwork dl4j = network(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).build());

        assertArrayEquals(dl4j.output(x).data().asFloat(), generic.output(x).data().asFloat());
        Pair<Gradient, INDArray> expected = dl4j.calculateGradients(x, labels, null, null);
        Pair<Gradient, INDArray> actual = generic.calculateGradients(x, labels, null, null);
        assertArrayEquals(expected.getFirst().gradient().data().asFloat(), actual.getFirst().gradient().data().asFloat());
        assertArrayEquals(expected.getSecond().data().asFloat(), actual.getSecond().data().asFloat());
    }

    @Test
    void survivesAJsonRoundTrip() {
        MultiLayerNetwork net = network(new GenericMaxPooling(2, 2));
        MultiLayerConfiguration copy = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());

        assertEquals(net.getLayerWiseConfigurations(), copy);
        MultiLayerNetwork restored = new MultiLayerNetwork(copy);
        restored.init();
        assertInstanceOf(GenericMaxPoolingLayer.class, restored.getLayer(0));
    }
}
