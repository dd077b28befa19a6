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
import java.util.zip.ZipException;

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
            checkMagic(file, header(file, in, 4), IMAGES_MAGIC, "images");
            int count = positive(file, "image count", header(file, in, 4));
            int rows = positive(file, "rows", header(file, in, 4));
            int cols = positive(file, "cols", header(file, in, 4));
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE) {
                throw new IdxFormatException(file, count + "×" + rows + "×" + cols + " pixels do not fit in memory");
            }
            return new Images(count, rows, cols, payload(file, in, (int) size));
        } catch (ZipException e) {
            throw damagedGzip(file, e);
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
            checkMagic(file, header(file, in, 2), LABELS_MAGIC, "labels");
            int count = positive(file, "label count", header(file, in, 2));
            byte[] labels = payload(file, in, count);
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] > 9) {
                    throw new IdxFormatException(file, "label " + i + " is " + (labels[i] & 0xff) + ", expected 0..9");
                }
            }
            return labels;
        } catch (ZipException e) {
            throw damagedGzip(file, e);
        }
    }

    /**
     * The next big-endian 32-bit number of a header of {@code ints} of them (the magic number, then one size per
     * dimension).
     */
    private static int header(Path file, DataInputStream in, int ints) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated header: an IDX file of this kind starts with " + 4 * ints
                    + " header bytes; fetch the file again");
        }
    }

    /** A gzip file whose compressed data or checksum is wrong: the bytes were damaged after compression. */
    private static IdxFormatException damagedGzip(Path file, ZipException e) {
        return new IdxFormatException(file, "the gzip data is damaged (" + e.getMessage() + "); delete the file and fetch it "
                + "again, or replace it by the uncompressed file");
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        try {
            InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return new DataInputStream(in);
        } catch (EOFException e) {
            raw.close();
            throw new IdxFormatException(file, "truncated: the file ends inside its gzip header; fetch the file again");
        }
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
        int read;
        try {
            read = in.readNBytes(data, 0, length);
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated: " + length
                    + " data bytes are announced but the gzip data ends before them; fetch the file again");
        }
        if (read < length) {
            throw new IdxFormatException(file, "truncated: the header announces " + length
                    + " data bytes but only " + read + " follow; fetch the file again");
        }
        try {
            if (in.read() != -1) {
                throw new IdxFormatException(file, "has trailing bytes after the " + length + " announced data bytes");
            }
        } catch (EOFException e) {
            throw new IdxFormatException(file, "truncated: the gzip data ends inside its checksum; fetch the file again");
        }
        return data;
    }
}
