package org.convergence4j.train;

import org.convergence4j.models.ConvolutionEngine;

/**
 * What every run of an experiment shares; a finished run is reused only when its settings equal
 * the requested ones.
 *
 * @param dataset {@code mnist} or {@code fashion-mnist}
 * @param epochs epochs per run
 * @param learningRate Adam's learning rate
 * @param batchSize mini-batch size for training and evaluation
 * @param trainExamples training examples used: the whole set, or the first n of it ({@code --quick})
 * @param engine what computes the convolutions; engines round differently, so their runs are not interchangeable.
 *     It must be {@link ConvolutionEngine#available()}, the engine {@code TestNetwork.build} installs in this
 *     process, so that a stored run's label says what really computed it
 */
public record ExperimentSettings(String dataset, int epochs, double learningRate, int batchSize, int trainExamples,
        ConvolutionEngine engine) {

    /** @throws IllegalArgumentException if {@code engine} is not the one this process computes with */
    public ExperimentSettings {
        if (engine != ConvolutionEngine.available()) {
            throw new IllegalArgumentException("this process computes convolutions with "
                    + ConvolutionEngine.available() + ", not " + engine + " (the native build decides; see NativeBuild)");
        }
    }

    /**
     * The seminar's optimizer and batches (Adam with learning rate 0.001, mini-batches of 128), on the convolution
     * engine this process has ({@link ConvolutionEngine#available()}).
     */
    public static ExperimentSettings seminar(String dataset, int epochs, int trainExamples) {
        RunConfig seminar = RunConfig.seminar(0);
        return new ExperimentSettings(dataset, epochs, seminar.learningRate(), seminar.batchSize(), trainExamples,
                ConvolutionEngine.available());
    }

    /** The settings of one seed's run. */
    public RunConfig forSeed(long seed) {
        return new RunConfig(epochs, seed, learningRate, batchSize);
    }
}
