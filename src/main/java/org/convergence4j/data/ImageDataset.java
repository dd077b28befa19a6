package org.convergence4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Labelled 28×28 grey images held in memory once, already normalized as the seminar's
 * {@code transforms.Normalize}: x = (pixel/255 − {@value #MEAN}) / {@value #STD}.
 *
 * @param features [n, rows·cols] float32, normalized pixels in row-major image order
 * @param labels [n, 10] float32 one-hot class labels
 */
public record ImageDataset(INDArray features, INDArray labels) {

    /** MNIST training-set mean of pixel/255, as in the seminar. */
    public static final double MEAN = 0.1307;
    /** MNIST training-set standard deviation of pixel/255, as in the seminar. */
    public static final double STD = 0.3081;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Image side in pixels: the datasets' images are 28×28. */
    public static final int SIDE = 28;

    /** Validates that features and labels describe the same examples. */
    public ImageDataset {
        if (features.rows() != labels.rows()) {
            throw new IllegalArgumentException("features have " + features.rows() + " rows but labels "
                    + labels.rows());
        }
    }

    /**
     * Reads an image file and its label file and normalizes the pixels with MNIST's statistics.
     *
     * @throws IdxFormatException if a file is malformed or the two counts disagree (naming both files)
     */
    public static ImageDataset read(Path imagesFile, Path labelsFile) throws IOException {
        return read(imagesFile, labelsFile, MEAN, STD);
    }

    /**
     * Reads an image file and its label file, normalizing x = (pixel/255 − mean)/std.
     *
     * @throws IdxFormatException if a file is malformed, the images are not {@value #SIDE}×{@value #SIDE}, or the
     *     two counts disagree (naming both files)
     */
    public static ImageDataset read(Path imagesFile, Path labelsFile, double mean, double std) throws IOException {
        IdxReader.Images images = IdxReader.readImages(imagesFile);
        if (images.rows() != SIDE || images.cols() != SIDE) {
            throw new IdxFormatException(imagesFile, "its header says the images are " + images.rows() + "×"
                    + images.cols() + " pixels, but MNIST and Fashion-MNIST images are " + SIDE + "×" + SIDE
                    + "; is this the right file?");
        }
        byte[] classes = IdxReader.readLabels(labelsFile);
        if (images.count() != classes.length) {
            throw new IdxFormatException(imagesFile, "holds " + images.count() + " images but " + labelsFile
                    + " holds " + classes.length + " labels");
        }
        byte[] pixels = images.pixels();
        float[] x = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            x[i] = (float) (((pixels[i] & 0xff) / 255.0 - mean) / std);
        }
        float[] y = new float[classes.length * CLASSES];
        for (int i = 0; i < classes.length; i++) {
            y[i * CLASSES + classes[i]] = 1f;
        }
        return new ImageDataset(
                Nd4j.create(x, new long[] {images.count(), images.pixelsPerImage()}, DataType.FLOAT),
                Nd4j.create(y, new long[] {classes.length, CLASSES}, DataType.FLOAT));
    }

    /** Number of examples. */
    public int size() {
        return (int) features.rows();
    }

    /**
     * {@code n} distinct examples chosen uniformly at random from {@code seed} (a partial
     * Fisher–Yates shuffle), in the order drawn; a copy.
     */
    public ImageDataset sample(int n, long seed) {
        if (n <= 0 || n > size()) {
            throw new IllegalArgumentException("sample size " + n + " must be in 1.." + size());
        }
        int[] index = new int[size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] rows = Arrays.copyOf(index, n);
        return new ImageDataset(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(labels, 1, rows));
    }

    /** The first {@code n} examples (a view; MNIST's file order is not sorted by class). */
    public ImageDataset head(int n) {
        if (n <= 0 || n > size()) {
            throw new IllegalArgumentException("subset size " + n + " must be in 1.." + size());
        }
        return new ImageDataset(features.get(NDArrayIndex.interval(0, n)),
                labels.get(NDArrayIndex.interval(0, n)));
    }
}
