package org.convergence4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class BatchIteratorTest {

    /** n examples whose single feature is the example's index, so batches reveal the order. */
    private static ImageDataset indexed(int n) {
        INDArray x = Nd4j.arange(n).castTo(DataType.FLOAT).reshape(n, 1);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, ImageDataset.CLASSES);
        return new ImageDataset(x, y);
    }

    private static int[] order(Iterable<DataSet> epoch, List<Integer> batchSizes) {
        List<Integer> seen = new ArrayList<>();
        for (DataSet batch : epoch) {
            batchSizes.add(batch.numExamples());
            for (int v : batch.getFeatures().toIntVector()) {
                seen.add(v);
            }
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void oneEpochVisitsEveryExampleOnceAndKeepsTheLastPartialBatch() {
        BatchIterator it = BatchIterator.shuffled(indexed(1000), 128, 7);
        List<Integer> sizes = new ArrayList<>();

        int[] seen = order(it.epoch(), sizes);

        int[] sorted = seen.clone();
        Arrays.sort(sorted);
        assertArrayEquals(Nd4j.arange(1000).toIntVector(), sorted);
        assertEquals(8, it.batchesPerEpoch());
        assertEquals(List.of(128, 128, 128, 128, 128, 128, 128, 104), sizes);
    }

    @Test
    void sixtyThousandExamplesMake469Batches() {
        assertEquals(469, BatchIterator.sequential(indexed(60_000), 128).batchesPerEpoch());
    }

    @Test
    void epochsDifferAndEqualSeedsRepeat() {
        ImageDataset data = indexed(500);
        BatchIterator a = BatchIterator.shuffled(data, 64, 42);
        BatchIterator b = BatchIterator.shuffled(data, 64, 42);

        int[] a1 = order(a.epoch(), new ArrayList<>());
        int[] a2 = order(a.epoch(), new ArrayList<>());
        int[] b1 = order(b.epoch(), new ArrayList<>());
        int[] b2 = order(b.epoch(), new ArrayList<>());

        assertFalse(Arrays.equals(a1, a2), "two epochs of one iterator must be shuffled differently");
        assertArrayEquals(a1, b1);
        assertArrayEquals(a2, b2);
    }

    @Test
    void sequentialKeepsFileOrder() {
        int[] seen = order(BatchIterator.sequential(indexed(300), 128).epoch(), new ArrayList<>());
        assertArrayEquals(Nd4j.arange(300).toIntVector(), seen);
    }

    /**
     * The seminar's constants are the MNIST training mean 0.1307 and std 0.3081 of pixel/255,
     * rounded to 4 decimals. A rounding error of at most 5e-5 in each gives, after normalization,
     * |mean| ≤ 5e-5 / 0.3081 ≈ 1.6e-4 and |std − 1| ≤ 5e-5 / 0.3081 ≈ 1.6e-4; the bounds below
     * allow twice that for float32 storage.
     */
    @Test
    void normalizedTrainingSetHasMeanZeroAndStdOne() {
        INDArray x = MnistFixture.mnist().train().features().castTo(DataType.DOUBLE);
        double mean = x.meanNumber().doubleValue();
        double std = x.stdNumber().doubleValue();
        assertEquals(0, mean, 3.3e-4, "mean after normalization");
        assertEquals(1, std, 3.3e-4, "std after normalization");
        assertTrue(x.rows() == 60_000 && x.columns() == 784);
    }
}
