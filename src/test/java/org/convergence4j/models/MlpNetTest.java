package org.convergence4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

/** Part 1's nets as variants: the same networks as {@link InitConfiguration} builds, trained by Adam or plain SGD. */
class MlpNetTest {

    private static final double ADAM = 1e-3;
    private static final double SGD = 0.1;

    /** Every initialization kind with Adam, and with plain SGD. */
    static Stream<Variant> variants() {
        return Variants.INITIALIZATION_KINDS.stream()
                .flatMap(k -> Stream.of(k.defaults(), k.defaults().with("sgd", SGD)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(InitConfiguration.class)
    void eachNetIsAKindFoundByNameButNotATestNetworkVariant(InitConfiguration net) {
        VariantKind kind = Variants.initialization(net);
        assertTrue(kind.name().equalsIgnoreCase("Init" + net.key().replace("_", "")), kind.name());
        assertEquals(kind, Variants.kind(kind.name()).orElseThrow());
        assertEquals(kind.defaults(), Variant.of(kind.name().toLowerCase(Locale.ROOT)));
        assertEquals(kind.defaults().with("sgd", SGD), Variant.of(kind.defaults().with("sgd", SGD).key()));
        assertFalse(Variants.KINDS.contains(kind), "KINDS are the TestNetwork variants Part 4 compares");
        assertTrue(Variants.usage().contains(kind.usage()), "the command line lists it");
        MlpNet mlp = assertInstanceOf(MlpNet.class, kind.defaults().network());
        assertEquals(net, mlp.net());
    }

    /** Same sizes, activations and initializer per layer, and for one seed the very same initial weights. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void buildsTheNetOfItsInitConfiguration(Variant variant) {
        DeepMlp mlp = ((MlpNet) variant.network()).net().mlp();
        MultiLayerNetwork reference = mlp.build(7);
        MultiLayerNetwork net = new MultiLayerNetwork(variant.configuration(7, ADAM));
        net.init();

        assertEquals(mlp.depth(), net.getnLayers());
        for (int l = 0; l < mlp.depth(); l++) {
            FeedForwardLayer layer = (FeedForwardLayer) net.getLayer(l).conf().getLayer();
            FeedForwardLayer expected = (FeedForwardLayer) reference.getLayer(l).conf().getLayer();
            assertEquals(mlp.fanIn(l), layer.getNIn());
            assertEquals(mlp.fanOut(l), layer.getNOut());
            assertEquals(expected.getActivationFn(), layer.getActivationFn());
            assertEquals(mlp.init(), layer.getWeightInitFn());
        }
        assertEquals(reference.params(), net.params(), "the optimizer does not change the initial weights");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theOptimizerIsTheUpdaterOfEveryLayer(Variant variant) {
        MultiLayerConfiguration conf = variant.configuration(1, ADAM);
        Object expected = variant.value("sgd") == 0 ? new Adam(ADAM) : new Sgd(SGD);
        for (int l = 0; l < conf.getConfs().size(); l++) {
            assertEquals(expected, ((BaseLayer) conf.getConf(l).getLayer()).getIUpdater(), variant.key());
        }
        assertTrue(variant.description().contains(variant.value("sgd") == 0 ? "Adam" : "SGD, lr " + Parameter.format(SGD)),
                variant.description());
    }

    @Test
    void aWholeNetIsNoTestNetworkHead() {
        Variant d = Variants.initialization(InitConfiguration.D).defaults();
        IllegalStateException e = assertThrows(IllegalStateException.class, d::head);
        assertTrue(e.getMessage().contains("InitD"), e.getMessage());
    }

    @Test
    void aNegativeOrInfiniteSgdRateIsRefused() {
        for (double bad : List.of(-0.1, Double.POSITIVE_INFINITY, Double.NaN)) {
            assertThrows(IllegalArgumentException.class, () -> new MlpNet(InitConfiguration.A, bad), "" + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Variant.of("InitA(sgd=2)"), "at most 1");
    }
}
