package org.convergence4j.train;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Accuracy of the training-mode forward pass of the last {@code fit(batch)}, i.e. of the
 * predictions the loss was computed on (same Dropout / DropConnect masks, parameters before the
 * update), as PyTorch's training loop measures it. DL4J does not expose the output layer's
 * activations during {@code fit}, so after back-propagation the output layer is re-activated on
 * its stored input: one [batch × 128]·[128 × 10] product and a softmax, negligible next to the step.
 */
final class BatchAccuracyListener extends BaseTrainingListener {

    private double accuracy = Double.NaN;

    @Override
    public void onBackwardPass(Model model) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        INDArray probabilities = net.getOutputLayer().activate(false, LayerWorkspaceMgr.noWorkspaces());
        accuracy = Metrics.accuracy(probabilities, net.getLabels());
    }

    /** Accuracy in [0, 1] of the last training batch. */
    double lastAccuracy() {
        return accuracy;
    }
}
