package org.convergence4j.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trained network's file, as DL4J's {@link ModelSerializer} writes it (configuration and parameters, not the
 * updater's state), with every zip entry dated {@link #ENTRY_TIME} instead of the moment of writing: the zip's
 * content is then a function of the network alone, so identical runs store byte-identical files (the same SHA-256 in
 * their records) and retraining an identical run changes no network file. {@link ModelSerializer} reads it as its own.
 */
final class NetworkFile {

    /** The earliest time a zip entry can hold (MS-DOS time, 1980-01-01 00:00), written as local time, without zone. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private NetworkFile() {
    }

    /** Writes {@code network} to {@code out}, which is left open. */
    static void write(MultiLayerNetwork network, OutputStream out) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, written, false);
        ZipOutputStream zip = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(written.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry dated = new ZipEntry(entry.getName());
                dated.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(dated);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        zip.finish();
    }
}
