package org.convergence4j.study;

import org.convergence4j.data.ImageDataset;

/**
 * The images a study trains and tests on.
 *
 * @param train the whole training set; a run with a subset takes its first examples
 * @param test the test set
 */
public record TrainingData(ImageDataset train, ImageDataset test) {

    /**
     * The training examples a run with {@code subset} uses: all for 0, else the first {@code subset}.
     *
     * @throws IllegalArgumentException in words, if the training set is smaller than the subset
     */
    public ImageDataset trainSubset(int subset) {
        if (subset == 0) {
            return train;
        }
        if (subset > train.size()) {
            throw new IllegalArgumentException("the runs train on the first " + subset + " training examples (--quick),"
                    + " but the training set has only " + train.size() + "; use a larger training set, or leave out"
                    + " --quick");
        }
        return train.head(subset);
    }
}
