package org.convergence4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of LeCun's MNIST files (also used by Fashion-MNIST): a big-endian header
 * (magic number, then one 32-bit size per dimension) followed by unsigned bytes.
 * <ul>
 *   <li>images: magic 2051 (0x00000803), sizes count × rows × cols, then count·rows·cols pixels;</li>
 *   <li>labels: magic 2049 (0x00000801), size count, then count labels in 0..9.</li>
 * </ul>
 * Plain and gzip-compressed files are accepted (detected by the gzip magic bytes 1f 8b). Every
 * error names the file and what is wrong; the whole payload is checked for exact length, so a
 * truncated or padded file is refused rather than silently read.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 2049;

    private IdxReader() {
    }

    /** Images of an IDX3 file: {@code count} images of {@code rows × cols} unsigned pixels, row-major. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        /** Pixels per image, rows × cols. */
        public int pixelsPerImage() {
            return rows * cols;
        }
    }

    /**
     * Reads an image file.
     *
     * @throws IdxFormatException if the magic number, the dimensions or the length is wrong
     * @throws IOException if the file cannot be read (a missing file is reported by name)
     */
    public static Images readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC, "images");
            int count = positive(file, "image count", in.readInt());
            int rows = positive(file, "rows", in.readInt());
            int cols = positive(file, "cols", in.readInt());
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE) {
                throw new IdxFormatException(file, count + "×" + rows + "×" + cols + " pixels do not fit in memory");
            }
            return new Images(count, rows, cols, payload(file, in, (int) size));
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated header");
        }
    }

    /**
     * Reads a label file; every label must lie in 0..9.
     *
     * @throws IdxFormatException if the magic number, the length or a label value is wrong
     * @throws IOException if the file cannot be read (a missing file is reported by name)
     */
    public static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), LABELS_MAGIC, "labels");
            int count = positive(file, "label count", in.readInt());
            byte[] labels = payload(file, in, count);
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] > 9) {
                    throw new IdxFormatException(file, "label " + i + " is " + (labels[i] & 0xff) + ", expected 0..9");
                }
            }
            return labels;
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated header");
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(in);
    }

    private static void checkMagic(Path file, int actual, int expected, String kind) throws IdxFormatException {
        if (actual != expected) {
            throw new IdxFormatException(file, "magic number is " + actual + ", expected " + expected
                    + " for " + kind + " (is this the right file?)");
        }
    }

    private static int positive(Path file, String what, int value) throws IdxFormatException {
        if (value <= 0) {
            throw new IdxFormatException(file, what + " is " + value + ", expected a positive number");
        }
        return value;
    }

    private static byte[] payload(Path file, DataInputStream in, int length) throws IOException {
        byte[] data = new byte[length];
        int read = in.readNBytes(data, 0, length);
        if (read < length) {
            throw new IdxFormatException(file, "truncated: header announces " + length
                    + " data bytes but only " + read + " follow");
        }
        if (in.read() != -1) {
            throw new IdxFormatException(file, "has trailing bytes after the " + length + " announced data bytes");
        }
        return data;
    }
}
