package org.convergence4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
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
 * truncated or padded file is refused rather than silently read. What a header announces is checked before
 * anything is allocated for it: against the file's size for a plain file, and for a gzip file against the most its
 * size can unpack to ({@value #DEFLATE_MAX_RATIO}:1, deflate's largest ratio), against the largest Java array and
 * against the JVM's memory; a gzip file's data is then read as it comes, so a header that lies costs no more memory
 * than the data that is really there. A gzip file is read to its end, so damage that lengthens the data is reported
 * as damage (its checksum fails), not as trailing bytes.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 2049;
    /**
     * The most bytes deflate unpacks from one compressed byte, in the limit: a run of 258 bytes coded in 2 bits, so
     * 1032:1 (zlib's technical details); a gzip file of n bytes holds at most 1032·n bytes of data.
     */
    static final int DEFLATE_MAX_RATIO = 1032;
    /** The longest Java array the JVM allocates (a few header words below 2³¹ − 1). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

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
        try (Source in = Source.open(file)) {
            checkMagic(file, in.header(4), IMAGES_MAGIC, "images");
            int count = positive(file, "image count", in.header(4));
            int rows = positive(file, "rows", in.header(4));
            int cols = positive(file, "cols", in.header(4));
            long size = (long) count * rows * cols;
            in.checkAnnounced(size, count + " images of " + rows + "×" + cols + " pixels");
            return new Images(count, rows, cols, in.payload((int) size));
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
        try (Source in = Source.open(file)) {
            checkMagic(file, in.header(2), LABELS_MAGIC, "labels");
            int count = positive(file, "label count", in.header(2));
            in.checkAnnounced(count, count + " labels");
            byte[] labels = in.payload(count);
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

    /** A gzip file whose compressed data or checksum is wrong: the bytes were damaged after compression. */
    private static IdxFormatException damagedGzip(Path file, ZipException e) {
        return new IdxFormatException(file, "the gzip data is damaged (" + e.getMessage() + "); delete the file and fetch it "
                + "again, or replace it by the uncompressed file");
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

    /** An IDX file being read: its (unpacked) bytes, whether it is gzip, its size on disk and the header read so far. */
    private static final class Source implements AutoCloseable {
        private final Path file;
        private final DataInputStream in;
        private final boolean gzip;
        private final long fileSize;
        private int headerBytes;

        private Source(Path file, DataInputStream in, boolean gzip, long fileSize) {
            this.file = file;
            this.in = in;
            this.gzip = gzip;
            this.fileSize = fileSize;
        }

        static Source open(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "IDX file not found");
            }
            long size = Files.size(file);
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try {
                InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
                return new Source(file, new DataInputStream(in), gzip, size);
            } catch (EOFException e) {
                raw.close();
                throw new IdxFormatException(file, "truncated: the file ends inside its gzip header; fetch the file again");
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        /**
         * The next big-endian 32-bit number of a header of {@code ints} of them (the magic number, then one size per
         * dimension).
         */
        int header(int ints) throws IOException {
            try {
                int value = in.readInt();
                headerBytes += 4;
                return value;
            } catch (EOFException e) {
                throw new IdxFormatException(file, "truncated header: an IDX file of this kind starts with " + 4 * ints
                        + " header bytes; fetch the file again");
            }
        }

        /**
         * Refuses, before anything is allocated, {@code bytes} of data announced by the header as {@code what} that
         * this file cannot hold or this JVM cannot hold.
         */
        void checkAnnounced(long bytes, String what) throws IdxFormatException {
            String announced = "its header announces " + what + ", " + bytes + " data bytes";
            if (!gzip) {
                long present = fileSize - headerBytes;
                if (bytes > present) {
                    throw new IdxFormatException(file, "truncated: " + announced + ", but the file holds only " + present
                            + " after its " + headerBytes + "-byte header; fetch the file again");
                }
                if (bytes < present) {
                    throw new IdxFormatException(file, "has " + (present - bytes) + " trailing bytes: " + announced
                            + ", and " + present + " follow its " + headerBytes + "-byte header; is this the right file?");
                }
            } else if (bytes > DEFLATE_MAX_RATIO * fileSize) {
                throw new IdxFormatException(file, announced + ", but a gzip file of " + fileSize + " bytes unpacks to at"
                        + " most " + DEFLATE_MAX_RATIO * fileSize + " (deflate's largest ratio is " + DEFLATE_MAX_RATIO
                        + ":1): its header or the file is damaged; fetch the file again");
            }
            if (bytes > MAX_ARRAY) {
                throw new IdxFormatException(file, announced + ", more than a Java array holds (" + MAX_ARRAY
                        + "); is this the right file?");
            }
            long memory = Runtime.getRuntime().maxMemory();
            if (bytes > memory) {
                throw new IdxFormatException(file, announced + ", more than this JVM may use (" + memory + " bytes, "
                        + "java -Xmx); is this the right file?");
            }
        }

        /**
         * The {@code length} data bytes after the header, which must be all there is; a gzip file is read to its
         * end, so that its checksum is verified before its length is judged.
         */
        byte[] payload(int length) throws IOException {
            byte[] data;
            try {
                // A gzip file's data is read as it comes, not into an array of the announced size at once.
                data = gzip ? in.readNBytes(length) : readFully(length);
            } catch (EOFException e) {
                throw new IdxFormatException(file, "truncated: " + length
                        + " data bytes are announced but the gzip data ends before them; fetch the file again");
            }
            if (data.length < length) {
                throw new IdxFormatException(file, "truncated: the header announces " + length
                        + " data bytes but only " + data.length + " follow; fetch the file again");
            }
            long trailing;
            try {
                trailing = in.transferTo(OutputStream.nullOutputStream());
            } catch (EOFException e) {
                throw new IdxFormatException(file, "truncated: the gzip data ends inside its checksum; fetch the file again");
            }
            if (trailing > 0) {
                throw new IdxFormatException(file, "has " + trailing + " trailing bytes after the " + length
                        + " announced data bytes; is this the right file?");
            }
            return data;
        }

        private byte[] readFully(int length) throws IOException {
            byte[] data = new byte[length];
            int read = in.readNBytes(data, 0, length);
            return read == length ? data : Arrays.copyOf(data, read);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
