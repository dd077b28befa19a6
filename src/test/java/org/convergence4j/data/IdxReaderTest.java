package org.convergence4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static byte[] pixels(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 37);
        }
        return p;
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsBackWhatWasWritten(boolean gzip) throws IOException {
        byte[] pixels = pixels(3 * 2 * 4);
        Path file = IdxFiles.images(dir.resolve("img"), IdxReader.IMAGES_MAGIC, 3, 2, 4, pixels, gzip);

        IdxReader.Images images = IdxReader.readImages(file);

        assertEquals(3, images.count());
        assertEquals(2, images.rows());
        assertEquals(4, images.cols());
        assertArrayEquals(pixels, images.pixels());
    }

    @Test
    void readsLabels() throws IOException {
        byte[] labels = {0, 9, 3};
        assertArrayEquals(labels, IdxReader.readLabels(IdxFiles.labels(dir.resolve("lbl"), 3, labels)));
    }

    @Test
    void wrongMagicIsNamed() throws IOException {
        Path file = IdxFiles.labels(dir.resolve("labels-given-as-images"), 2, new byte[] {1, 2});
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("magic number is 2049, expected 2051"), e.getMessage());
    }

    @Test
    void truncatedDataIsRefused() throws IOException {
        Path file = IdxFiles.images(dir.resolve("short"), IdxReader.IMAGES_MAGIC, 3, 2, 4, pixels(23), false);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("24"), e.getMessage());
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        Path file = IdxFiles.images(dir.resolve("long"), IdxReader.IMAGES_MAGIC, 3, 2, 4, pixels(25), false);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("trailing bytes"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsRefused() throws IOException {
        Path file = IdxFiles.write(dir.resolve("header"), false, IdxReader.IMAGES_MAGIC, new int[] {3}, new byte[0]);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("truncated header"), e.getMessage());
    }

    @Test
    void labelOutsideTheTenClassesIsRefused() throws IOException {
        Path file = IdxFiles.labels(dir.resolve("lbl"), 2, new byte[] {3, 12});
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertTrue(e.getMessage().contains("label 1 is 12"), e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = IdxFiles.images(dir.resolve("img"), IdxReader.IMAGES_MAGIC, 3, 28, 28, pixels(3 * 784), false);
        Path labels = IdxFiles.labels(dir.resolve("lbl"), 2, new byte[] {1, 2});
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> ImageDataset.read(images, labels));
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("2 labels"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("train-images-idx3-ubyte");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aGzipFileWithFlippedBytesIsNamedAsDamaged() throws IOException {
        Path file = IdxFiles.images(dir.resolve("img.gz"), IdxReader.IMAGES_MAGIC, 3, 2, 4, pixels(24), true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= (byte) 0xff; // inside the CRC-32 of the gzip trailer
        Files.write(file, bytes);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("the gzip data is damaged"),
                e.getMessage());
    }

    @Test
    void aTruncatedGzipFileIsCalledTruncatedNotAHeaderProblem() throws IOException {
        Path file = IdxFiles.images(dir.resolve("img.gz"), IdxReader.IMAGES_MAGIC, 50, 28, 28, pixels(50 * 784), true);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("truncated")
                && !e.getMessage().contains("header"), e.getMessage());
    }

    /** The header's dimensions are checked, not only the pixel count: 14×56 has as many pixels as 28×28. */
    @ParameterizedTest(name = "{0}×{1}")
    @org.junit.jupiter.params.provider.CsvSource({"14, 56", "20, 20"})
    void imagesThatAreNot28By28AreRefusedNamingTheFile(int rows, int cols) throws IOException {
        Path images = IdxFiles.images(dir.resolve("img"), IdxReader.IMAGES_MAGIC, 2, rows, cols, pixels(2 * rows * cols),
                false);
        Path labels = IdxFiles.labels(dir.resolve("lbl"), 2, new byte[] {1, 2});
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> ImageDataset.read(images, labels));
        assertTrue(e.getMessage().startsWith(images.toString()) && e.getMessage().contains(rows + "×" + cols)
                && e.getMessage().contains("28×28"), e.getMessage());
    }

    /** A header alone, announcing {@code dims}, and {@code payload} bytes of data; plain or gzip. */
    private Path lyingHeader(String name, int magic, int[] dims, int payload, boolean gzip) throws IOException {
        return IdxFiles.write(dir.resolve(name), gzip, magic, dims, new byte[payload]);
    }

    /** The labels file announcing 2³¹ − 1 items: refused from the file's size, before any allocation. */
    @Test
    void aLabelCountBeyondTheFileIsRefusedBeforeAllocating() throws IOException {
        Path file = lyingHeader("lbl", IdxReader.LABELS_MAGIC, new int[] {Integer.MAX_VALUE}, 10, false);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertTrue(e.getMessage().contains("truncated: its header announces 2147483647 labels, 2147483647 data bytes, "
                + "but the file holds only 10 after its 8-byte header"), e.getMessage());
    }

    /** The images header announcing 2 739 000 images: refused from the file's size, before 2 GB are allocated. */
    @Test
    void anImageCountBeyondTheFileIsRefusedBeforeAllocating() throws IOException {
        Path file = lyingHeader("img", IdxReader.IMAGES_MAGIC, new int[] {2_739_000, 28, 28}, 784, false);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("truncated: its header announces 2739000 images of 28×28 pixels, "
                + "2147376000 data bytes, but the file holds only 784 after its 16-byte header"), e.getMessage());
    }

    /** A gzip file cannot be sized without unpacking it: what it announces is held against deflate's largest ratio. */
    @Test
    void aGzipHeaderAnnouncingMoreThanTheFileCanUnpackToIsRefused() throws IOException {
        Path file = lyingHeader("lbl.gz", IdxReader.LABELS_MAGIC, new int[] {Integer.MAX_VALUE}, 10, true);
        long size = Files.size(file);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertTrue(e.getMessage().contains("a gzip file of " + size + " bytes unpacks to at most "
                + IdxReader.DEFLATE_MAX_RATIO * size), e.getMessage());
    }

    /** Within deflate's ratio, a gzip file that lies is read as its data comes and called truncated. */
    @Test
    void aGzipHeaderAnnouncingMoreThanItHoldsIsCalledTruncated() throws IOException {
        byte[] noise = new byte[784];
        new java.util.Random(1).nextBytes(noise); // random pixels do not compress: well within the ratio
        Path file = IdxFiles.write(dir.resolve("img.gz"), true, IdxReader.IMAGES_MAGIC, new int[] {10, 28, 28}, noise);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("7840"), e.getMessage());
    }

    /**
     * Damage that makes the gzip data longer than announced was called "trailing bytes": the file is read to its end,
     * where its checksum fails, so it is called damaged.
     */
    @Test
    void aDamagedGzipFileWithLongerDataIsCalledDamagedNotTrailing() throws IOException {
        Path file = IdxFiles.write(dir.resolve("lbl.gz"), true, IdxReader.LABELS_MAGIC, new int[] {3},
                new byte[] {1, 2, 3, 4, 5, 6, 7});
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= (byte) 0xff; // inside the CRC-32 of the gzip trailer
        Files.write(file, bytes);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertTrue(e.getMessage().contains("the gzip data is damaged") && !e.getMessage().contains("trailing"),
                e.getMessage());
    }

    @Test
    void anUndamagedGzipFileWithTrailingBytesIsCalledSo() throws IOException {
        Path file = IdxFiles.write(dir.resolve("lbl.gz"), true, IdxReader.LABELS_MAGIC, new int[] {3},
                new byte[] {1, 2, 3, 4, 5, 6, 7});
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));
        assertTrue(e.getMessage().contains("has 4 trailing bytes after the 3 announced"), e.getMessage());
    }
}
