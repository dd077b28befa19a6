package org.convergence4j.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convergence4j.data.ImageDataset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class TrainingDataTest {

    private static ImageDataset images(int n) {
        return new ImageDataset(Nd4j.zeros(DataType.FLOAT, n, 784), Nd4j.zeros(DataType.FLOAT, n, 10));
    }

    @Test
    void aSubsetIsTheFirstExamplesAndZeroIsAll() {
        TrainingData data = new TrainingData(images(50), images(5));
        assertSame(data.train(), data.trainSubset(0));
        assertEquals(20, data.trainSubset(20).size());
    }

    @Test
    void aSubsetLargerThanTheTrainingSetIsSaidInWords() {
        TrainingData data = new TrainingData(images(50), images(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> data.trainSubset(10_000));
        assertTrue(e.getMessage().contains("first 10000 training examples (--quick), but the training set has only 50"),
                e.getMessage());
    }
}
