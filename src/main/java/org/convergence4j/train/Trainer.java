package org.convergence4j.train;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.data.BatchIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a network with the semantics of the seminar's {@code train_utils.train}: each epoch runs
 * the training set in training mode with one optimizer step per mini-batch (Adam in the seminar),
 * then evaluates the test set in inference mode without updates; the per-epoch figures are means
 * over batches of the batch loss (negative log-likelihood of the softmax output) and batch accuracy. The optimizer and its
 * learning rate are part of the network's configuration (see the model factories).
 */
public final class Trainer {

    /**
     * Training batches between two requests for a garbage collection. ND4J frees an array's off-heap buffer only
     * when the collector reclaims its Java object; each step leaves about half a megabyte of such arrays outside
     * DL4J's workspaces (the batch itself, the listener's outputs), while the Java heap barely grows, so the
     * collector may not run for thousands of steps and the process grows by gigabytes (14 GB resident was seen
     * with two runs in one JVM). Collecting every 100 steps keeps a run near 0.6 GB and, since freed buffers are
     * reused instead of fresh pages, makes steps faster, not slower (docs/PERFORMANCE.md).
     */
    static final int BATCHES_PER_COLLECTION = 100;

    private final TrainingProgress progress;
    private final StopSignal stop;

    /**
     * @param progress receives per-batch and per-epoch progress
     * @param stop checked after every training batch; when raised, training ends and the completed
     *     epochs are returned
     */
    public Trainer(TrainingProgress progress, StopSignal stop) {
        this.progress = progress;
        this.stop = stop;
    }

    /**
     * Trains {@code net} in place for {@code epochs} epochs.
     *
     * @param extraListeners listeners attached for the run (e.g. a statistics probe), removed after
     * @return the completed epochs; {@link TrainingHistory#stoppedEarly()} tells whether a stop
     *     request cut the run short
     * @throws DivergenceException if a training loss is NaN or infinite
     */
    public TrainingHistory train(MultiLayerNetwork net, BatchIterator train, BatchIterator test, int epochs,
            TrainingListener... extraListeners) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 0, got " + epochs);
        }
        BatchAccuracyListener accuracy = new BatchAccuracyListener();
        List<TrainingListener> listeners = new ArrayList<>(List.of(extraListeners));
        listeners.add(accuracy);
        net.setListeners(listeners);
        List<EpochMetrics> history = new ArrayList<>();
        stop.trainingStarted();
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long start = System.nanoTime();
                progress.epochStarted(epoch, epochs, train.batchesPerEpoch());
                double lossSum = 0;
                double accuracySum = 0;
                int batches = 0;
                for (DataSet batch : train.epoch()) {
                    net.fit(batch);
                    double loss = net.score();
                    if (!Double.isFinite(loss)) {
                        throw new DivergenceException(epoch, batches + 1, loss, history);
                    }
                    lossSum += loss;
                    accuracySum += accuracy.lastAccuracy();
                    batches++;
                    if (batches % BATCHES_PER_COLLECTION == 0) {
                        System.gc();
                    }
                    progress.batchDone(lossSum / batches, accuracySum / batches);
                    if (stop.isRequested()) {
                        return new TrainingHistory(history, true);
                    }
                }
                Evaluation tested = evaluate(net, test);
                EpochMetrics metrics = new EpochMetrics(epoch, lossSum / batches, tested.loss(),
                        accuracySum / batches, tested.accuracy(), (System.nanoTime() - start) / 1e9);
                history.add(metrics);
                progress.epochDone(metrics);
            }
            return new TrainingHistory(history, false);
        } finally {
            stop.trainingEnded();
            net.setListeners(List.of());
        }
    }

    /** Inference-mode mean over batches of the batch loss and batch accuracy. */
    public static Evaluation evaluate(MultiLayerNetwork net, BatchIterator data) {
        double lossSum = 0;
        double accuracySum = 0;
        int batches = 0;
        for (DataSet batch : data.epoch()) {
            INDArray probabilities = net.output(batch.getFeatures(), false);
            lossSum += Metrics.negativeLogLikelihood(probabilities, batch.getLabels());
            accuracySum += Metrics.accuracy(probabilities, batch.getLabels());
            batches++;
        }
        return new Evaluation(lossSum / batches, accuracySum / batches);
    }
}
