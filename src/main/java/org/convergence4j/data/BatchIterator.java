package org.convergence4j.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches over an in-memory {@link ImageDataset}, like PyTorch's
 * {@code DataLoader(batch_size=b, shuffle=…)}: each call to {@link #epoch()} yields ⌈n/b⌉ batches
 * that visit every example exactly once, the last batch keeping the n mod b remainder
 * (60 000 / 128 → 469 batches, the last of 96). When shuffling, every epoch draws a fresh
 * permutation from one seeded generator: successive epochs differ, and two iterators built with the
 * same seed produce the same sequence of epochs.
 */
public final class BatchIterator {

    private final ImageDataset data;
    private final int batchSize;
    private final SplittableRandom random;

    private BatchIterator(ImageDataset data, int batchSize, SplittableRandom random) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.random = random;
    }

    /** Batches in a new random order every epoch, drawn from {@code seed}. */
    public static BatchIterator shuffled(ImageDataset data, int batchSize, long seed) {
        return new BatchIterator(data, batchSize, new SplittableRandom(seed));
    }

    /** Batches in file order every epoch (for evaluation, where order does not matter). */
    public static BatchIterator sequential(ImageDataset data, int batchSize) {
        return new BatchIterator(data, batchSize, null);
    }

    /** Number of batches per epoch, ⌈n / batchSize⌉. */
    public int batchesPerEpoch() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** The dataset being iterated. */
    public ImageDataset data() {
        return data;
    }

    /** The batches of the next epoch; with shuffling, each call draws a new permutation. */
    public Iterable<DataSet> epoch() {
        int[] order = order();
        return () -> new Iterator<>() {
            private int start;

            @Override
            public boolean hasNext() {
                return start < order.length;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(start + batchSize, order.length);
                int[] rows = Arrays.copyOfRange(order, start, end);
                start = end;
                return new DataSet(Nd4j.pullRows(data.features(), 1, rows), Nd4j.pullRows(data.labels(), 1, rows));
            }
        };
    }

    private int[] order() {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (random != null) {
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }
}
