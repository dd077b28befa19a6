package org.convergence4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The SHA-256 of a dataset's files, taken of their IDX data (unpacked if gzip), so that a plain and a gzip copy of a
 * file check alike; and the check of a folder against a dataset's known checksums ({@link MnistFiles}), which tells a
 * folder of the other dataset apart: {@code --dataset fashion-mnist} with an MNIST folder trained MNIST and filed it
 * under {@code fashion-mnist/}.
 */
final class Checksums {

    private Checksums() {
    }

    /** Lower-case hex SHA-256 of {@code file}'s IDX data, unpacked if it is gzip. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
            }
        } catch (ZipException e) {
            throw new IdxFormatException(file, "the gzip data is damaged (" + e.getMessage() + "); delete the file and "
                    + "fetch it again");
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Checks that the four files in {@code dir} are Fashion-MNIST's.
     *
     * @throws ProvisioningException naming the first file that is not, its checksum and the expected one, and saying
     *     so when it is MNIST's
     */
    static void verifyFashionMnist(Path dir) throws IOException {
        for (MnistFiles f : MnistFiles.values()) {
            Path file = f.locateIn(dir).orElse(dir.resolve(f.fileName()));
            String actual = sha256(file);
            if (actual.equals(f.fashionSha256())) {
                continue;
            }
            String what = actual.equals(f.sha256()) ? "it is MNIST's " + f.fileName() + ", not Fashion-MNIST's"
                    : "its data's SHA-256 is " + actual + ", Fashion-MNIST's is " + f.fashionSha256();
            throw new ProvisioningException(file + " is not Fashion-MNIST's " + f.fileName() + ": " + what
                    + "; --dataset fashion-mnist reads the files of Debian's dataset-fashion-mnist ("
                    + Dataset.FASHION_MNIST.defaultDir(Map.of()) + "): leave out --data-dir, give it a copy of "
                    + "that folder, or train this folder with --dataset mnist");
        }
    }
}
