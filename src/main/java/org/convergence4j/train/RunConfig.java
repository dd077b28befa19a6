package org.convergence4j.train;

/**
 * The settings of one training run; the defaults are the seminar's.
 *
 * @param epochs number of epochs (seminar: 20)
 * @param seed seeds the parameter initialization, the shuffling and the Dropout/DropConnect masks
 * @param learningRate Adam's learning rate (seminar: 0.001)
 * @param batchSize mini-batch size for training and evaluation (seminar: 128)
 */
public record RunConfig(int epochs, long seed, double learningRate, int batchSize) {

    /** The seminar's settings: 20 epochs, learning rate 0.001, batch 128. */
    public static RunConfig seminar(long seed) {
        return new RunConfig(20, seed, 1e-3, 128);
    }

    /** Validates the values. */
    public RunConfig {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 0, got " + epochs);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        }
    }

    /** The same settings with another number of epochs. */
    public RunConfig withEpochs(int newEpochs) {
        return new RunConfig(newEpochs, seed, learningRate, batchSize);
    }
}
