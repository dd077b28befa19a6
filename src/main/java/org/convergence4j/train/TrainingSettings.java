package org.convergence4j.train;

/**
 * How every run of a study is trained; the defaults are the seminar's.
 *
 * @param dataset {@code mnist} or {@code fashion-mnist}
 * @param epochs epochs per run, ≥ 1 (seminar: 20)
 * @param learningRate Adam's learning rate (seminar: 0.001); a variant trained with plain SGD carries its own rate
 *     ({@link org.convergence4j.models.MlpNet})
 * @param batchSize mini-batch size for training and evaluation (seminar: 128)
 * @param trainSubset 0 for the whole training set, else the first n training examples (a {@code --quick} run)
 */
public record TrainingSettings(String dataset, int epochs, double learningRate, int batchSize, int trainSubset) {

    /** The seminar's epochs per run. */
    public static final int SEMINAR_EPOCHS = 20;
    /** The seminar's Adam learning rate. */
    public static final double SEMINAR_LEARNING_RATE = 1e-3;
    /** The seminar's mini-batch size. */
    public static final int SEMINAR_BATCH = 128;

    /** @throws IllegalArgumentException naming the setting if a value is out of range */
    public TrainingSettings {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("a dataset name is needed, e.g. mnist");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        if (trainSubset < 0) {
            throw new IllegalArgumentException("training subset must be 0 (all) or a count ≥ 1, got " + trainSubset);
        }
    }

    /** The seminar's settings on {@code dataset}: 20 epochs, Adam 0.001, batches of 128, the whole training set. */
    public static TrainingSettings seminar(String dataset) {
        return new TrainingSettings(dataset, SEMINAR_EPOCHS, SEMINAR_LEARNING_RATE, SEMINAR_BATCH, 0);
    }

    /** The same settings on {@code name}, e.g. {@code fashion-mnist}. */
    public TrainingSettings withDataset(String name) {
        return new TrainingSettings(name, epochs, learningRate, batchSize, trainSubset);
    }

    /** The same settings with Adam's learning rate {@code rate}. */
    public TrainingSettings withLearningRate(double rate) {
        return new TrainingSettings(dataset, epochs, rate, batchSize, trainSubset);
    }

    /** The same settings with {@code n} epochs. */
    public TrainingSettings withEpochs(int n) {
        return new TrainingSettings(dataset, n, learningRate, batchSize, trainSubset);
    }

    /** The same settings on the first {@code n} training examples (0: all). */
    public TrainingSettings withTrainSubset(int n) {
        return new TrainingSettings(dataset, epochs, learningRate, batchSize, n);
    }
}
