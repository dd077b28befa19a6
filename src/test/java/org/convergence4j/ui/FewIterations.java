package org.convergence4j.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence4j.data.BatchIterator;
import org.convergence4j.data.ImageDataset;
import org.convergence4j.data.Mnist;
import org.convergence4j.data.MnistFixture;
import org.convergence4j.models.TestNetwork;
import org.convergence4j.models.Variants;
import org.convergence4j.train.StopSignal;
import org.convergence4j.train.Trainer;
import org.convergence4j.train.TrainingProgress;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * A few iterations of the Baseline TestNetwork on real MNIST ({@value #BATCHES} batches of {@value #BATCH}), with
 * listeners attached, recording the score DL4J reports after each iteration.
 */
public final class FewIterations {

    public static final int BATCH = 32;
    public static final int BATCHES = 25;
    public static final long SEED = 1;

    public final MultiLayerNetwork network;
    /** iteration → score after it. */
    public final Map<Integer, Double> scores = new LinkedHashMap<>();

    private FewIterations(MultiLayerNetwork network) {
        this.network = network;
    }

    public static FewIterations train(List<TrainingListener> listeners) {
        Mnist mnist = MnistFixture.mnist();
        ImageDataset train = mnist.train().head(BATCH * BATCHES);
        FewIterations run = new FewIterations(TestNetwork.build(Variants.BASELINE.defaults(), SEED, 1e-3,
                TestNetwork.PYTORCH_DEFAULT));
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                run.scores.put(iteration, model.score());
            }
        });
        new Trainer(TrainingProgress.NONE, new StopSignal()).train(run.network,
                BatchIterator.shuffled(train, BATCH, SEED), BatchIterator.sequential(mnist.test().head(BATCH), BATCH), 1,
                all.toArray(TrainingListener[]::new));
        return run;
    }

    /** DL4J's name of each layer, in order. */
    public List<String> layerNames() {
        List<String> names = new ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer l : network.getLayers()) {
            names.add(l.conf().getLayer().getLayerName());
        }
        return names;
    }
}
