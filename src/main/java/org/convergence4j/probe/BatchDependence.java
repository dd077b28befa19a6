package org.convergence4j.probe;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Whether a network's training-mode output for one example depends on the rest of its batch:
 * the softmax output of each example computed inside a batch of {@code batch} examples is compared
 * with the output computed alone (a batch of 1), both in training mode. BatchNorm normalizes with
 * the batch's mean and variance, so its outputs change (with a batch of 1 the normalized value is
 * 0); LayerNorm normalizes each example by itself, so they must not.
 *
 * @param maxAbsChange max over examples and classes of |p_batch − p_alone|
 * @param changedPredictions examples whose predicted class differs between the two
 * @param examples examples compared
 */
public record BatchDependence(double maxAbsChange, int changedPredictions, int examples) {

    /**
     * Measures {@code net} (a copy is used, since training-mode BatchNorm updates its running
     * statistics) on {@code features} [n, d], cut into batches of {@code batch} rows.
     */
    public static BatchDependence measure(MultiLayerNetwork net, INDArray features, int batch) {
        MultiLayerNetwork copy = net.clone();
        int n = (int) features.rows();
        double maxChange = 0;
        int changed = 0;
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(start + batch, n);
            INDArray inBatch = copy.output(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()), true);
            for (int i = start; i < end; i++) {
                INDArray alone = copy.output(features.getRow(i, true), true);
                INDArray together = inBatch.getRow(i - start, true);
                maxChange = Math.max(maxChange, Transforms.abs(alone.sub(together)).maxNumber().doubleValue());
                if (Nd4j.argMax(alone, 1).getInt(0) != Nd4j.argMax(together, 1).getInt(0)) {
                    changed++;
                }
            }
        }
        return new BatchDependence(maxChange, changed, n);
    }
}
