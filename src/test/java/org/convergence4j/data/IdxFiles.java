package org.convergence4j.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
public final class IdxFiles {

    private IdxFiles() {
    }

    static Path images(Path file, int magic, int count, int rows, int cols, byte[] pixels, boolean gzip)
            throws IOException {
        return write(file, gzip, magic, new int[] {count, rows, cols}, pixels);
    }

    static Path labels(Path file, int count, byte[] labels) throws IOException {
        return write(file, false, IdxReader.LABELS_MAGIC, new int[] {count}, labels);
    }

    /** Writes an IDX file: the magic number, one size per dimension, the payload; gzip-compressed if asked. */
    public static Path write(Path file, boolean gzip, int magic, int[] dims, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(payload);
        }
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes.toByteArray());
        }
        return file;
    }
}
