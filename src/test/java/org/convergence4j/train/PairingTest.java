package org.convergence4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.data.ImageDataset;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the paired comparison of variants rests on: for a given seed every variant starts from the same convolutional
 * trunk and sees the same batches in the same order, whatever its head; another seed changes both.
 */
class PairingTest {

    private static final List<Variant> ALL = Variants.KINDS.stream().map(VariantKind::defaults).toList();
    /** The trunk's two convolutions are the network's layers 0 and 2 (each followed by a pooling layer). */
    private static final int[] TRUNK = {0, 2};

    @Test
    void theSameSeedGivesEveryVariantTheSameTrunk() {
        for (long seed : new long[] {1, 7}) {
            MultiLayerNetwork reference = TestNetwork.build(ALL.get(0), seed, 1e-3, TestNetwork.PYTORCH_DEFAULT);
            for (Variant v : ALL) {
                MultiLayerNetwork net = TestNetwork.build(v, seed, 1e-3, TestNetwork.PYTORCH_DEFAULT);
                for (int layer : TRUNK) {
                    assertEquals(reference.getLayer(layer).params(), net.getLayer(layer).params(),
                            v.key() + " seed " + seed + " layer " + layer);
                }
            }
        }
        assertNotEquals(TestNetwork.build(ALL.get(0), 1, 1e-3, TestNetwork.PYTORCH_DEFAULT).getLayer(0).params(),
                TestNetwork.build(ALL.get(0), 2, 1e-3, TestNetwork.PYTORCH_DEFAULT).getLayer(0).params());
    }

    @Test
    void theSameSeedGivesEveryVariantTheSameBatchesInTheSameOrder() {
        ImageDataset train = synthetic(40, 3);
        ImageDataset test = synthetic(16, 4);
        TrainingSettings settings = new TrainingSettings("mnist", 2, 1e-3, 8, 0);
        List<List<INDArray>> seen = new ArrayList<>();
        for (Variant v : ALL) {
            seen.add(batches(new RunSpec(v, 5, settings), train, test));
        }
        assertEquals(2 * 40 / 8, seen.get(0).size());
        for (int i = 1; i < ALL.size(); i++) {
            assertEquals(seen.get(0), seen.get(i), ALL.get(i).key() + " sees other batches than " + ALL.get(0).key());
        }
        assertNotEquals(seen.get(0), batches(new RunSpec(ALL.get(0), 6, settings), train, test), "seed 6 shuffles otherwise");
    }

    /** The input of every training iteration of the run, in order. */
    private static List<INDArray> batches(RunSpec spec, ImageDataset train, ImageDataset test) {
        List<INDArray> inputs = new ArrayList<>();
        BaseTrainingListener recorder = new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                inputs.add(((MultiLayerNetwork) model).getInput().dup());
            }
        };
        VariantRun.run(spec, train, test, new Trainer(TrainingProgress.NONE, new StopSignal()), recorder);
        return inputs;
    }

    private static ImageDataset synthetic(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * TestNetwork.SIDE * TestNetwork.SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, TestNetwork.CLASSES);
        for (int i = 0; i < n; i++) {
            labels.putScalar(i, i % TestNetwork.CLASSES, 1);
        }
        return new ImageDataset(Nd4j.create(x, new long[] {n, x.length / n}, DataType.FLOAT), labels);
    }
}
