package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.convergence4j.layers.LayerFingerprint;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.models.Variants;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunIdentity;
import org.convergence4j.train.RunRecord;
import org.convergence4j.train.RunSpec;
import org.convergence4j.train.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private RunStore store() {
        return new RunStore(dir.resolve("runs"), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    /** A DropConnect run with every optional part: Monte-Carlo accuracy and (made up) layer statistics. */
    private static RunRecord record() {
        return FakeRuns.standard().stream().filter(r -> r.monteCarlo().isPresent()).findFirst().orElseThrow();
    }

    private static RunRecord withLayerStats() {
        return FakeRuns.standard().stream().filter(r -> !r.layerStats().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void aStoredRecordReadsBackEqual() {
        RunStore s = store();
        for (RunRecord r : List.of(record(), withLayerStats())) {
            s.save(r);
            assertEquals(Optional.of(r), s.find(r.spec(), r.identity()));
        }
        assertEquals(2, s.readable().size());
    }

    /** A record stored before a field was added (the committed results' records) is read, with the field empty. */
    @Test
    void aRecordWithoutTheFieldsAddedLaterIsReadWithThemEmpty() throws IOException {
        RunStore s = store();
        RunRecord r = record();
        s.save(r);
        Path file = s.file(r.spec(), r.configuration());
        ObjectNode older = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        RunRecord.ADDED_FIELDS.forEach(field -> assertTrue(older.remove(field) != null, field + " is written"));
        Files.writeString(file, older.toString());

        Optional<RunRecord> read = s.find(r.spec(), r.identity());

        assertTrue(read.isPresent(), log.toString(StandardCharsets.UTF_8));
        RunRecord.ADDED_FIELDS.forEach(field -> assertTrue(Json.tree(read.get()).get(field).isNull(), field));
        assertEquals(((ObjectNode) Json.tree(r)).without(RunRecord.ADDED_FIELDS),
                ((ObjectNode) Json.tree(read.get())).without(RunRecord.ADDED_FIELDS));
    }

    /**
     * A run whose custom layers computed otherwise than the code computes now (an edited constant) is not reused,
     * with a line that says why; the same code, or a record stored before fingerprints, is reused.
     */
    @Test
    void aRunWhoseLayersNowComputeOtherwiseIsNotReused() {
        RunStore s = store();
        RunRecord r = record();
        LayerFingerprint then = new LayerFingerprint("4 DropConnect", List.of(2.0, 0.5, -0.25, 1.0, 0.125));
        LayerFingerprint now = new LayerFingerprint("4 DropConnect", List.of(2.0, 0.5, -0.25, 1.0, 0.25));
        RunRecord stored = new RunRecord(r.format(), r.variant(), r.seed(), r.settings(), r.engine(), r.configuration(),
                r.history(), r.divergence(), r.monteCarlo(), r.batchDependence(), r.layerStats(), r.network(),
                r.environment(), Optional.of(List.of(then)), Optional.empty());
        s.save(stored);

        assertEquals(Optional.of(stored), s.find(r.spec(), new RunIdentity(r.configuration(), List.of(then))));
        assertEquals(Optional.empty(), s.find(r.spec(), new RunIdentity(r.configuration(), List.of(now))));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("not reused")
                && log.toString(StandardCharsets.UTF_8).contains("4 DropConnect computes otherwise"), log.toString());
        assertTrue(Files.exists(s.file(r.spec(), r.configuration())), "left for the retrained run to replace");

        s.save(r); // a record without a fingerprint
        assertEquals(Optional.of(r), s.find(r.spec(), new RunIdentity(r.configuration(), List.of(now))));
    }

    /** The SHA-256 of {@code file} in hex. */
    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A run whose network file is deleted, truncated or altered is not reused (so that run alone is trained again),
     * with a line naming the file; Part 1's MLPs, whose networks are not committed, are reused without one.
     */
    @Test
    void aRunWhoseNetworkFileIsDamagedIsNotReused() throws IOException {
        RunStore s = store();
        RunRecord r = record();
        Path zip = s.networkFile(r.spec(), r.configuration());
        Files.createDirectories(zip.getParent());
        byte[] network = new byte[4096];
        new java.util.Random(1).nextBytes(network);
        Files.write(zip, network);
        RunRecord stored = r.withNetwork(sha256(zip));
        s.save(stored);
        assertEquals(Optional.of(stored), s.find(r.spec(), r.identity()));

        byte[] altered = network.clone();
        altered[100] ^= 1;
        for (byte[] damage : List.of(Arrays.copyOf(network, 1000), altered)) {
            Files.write(zip, damage);
            log.reset();
            assertEquals(Optional.empty(), s.find(r.spec(), r.identity()));
            assertTrue(log.toString(StandardCharsets.UTF_8).contains(zip + " is not the file its record names"), log.toString());
        }
        Files.delete(zip);
        log.reset();
        assertEquals(Optional.empty(), s.find(r.spec(), r.identity()));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(zip + " is missing"), log.toString());
        assertTrue(Files.exists(s.file(r.spec(), r.configuration())), "the record stays for the retrained run to replace");

        RunRecord mlp = FakeRuns.variant(Variants.initialization(InitConfiguration.A).defaults(), new double[] {0.9},
                0.01, 1).get(0).withNetwork("0".repeat(64));
        s.save(mlp);
        assertEquals(Optional.of(mlp), s.find(mlp.spec(), mlp.identity()), "Part 1's networks are not committed");
    }

    @Test
    void runsOfTwoConfigurationsCoexist() {
        RunStore s = store();
        RunRecord a = FakeRuns.variant(Variants.DROPOUT.defaults(), new double[] {0.98}, 0.01, 4).get(0);
        RunRecord b = FakeRuns.variant(Variants.DROPOUT.defaults().with("drop", 0.5), new double[] {0.97}, 0.01, 4).get(0);
        s.save(a);
        s.save(b);
        assertEquals(Optional.of(a), s.find(a.spec(), a.identity()));
        assertEquals(Optional.of(b), s.find(b.spec(), b.identity()));
        assertEquals(Optional.empty(), s.find(a.spec(), b.identity()), "another configuration is another run");
    }

    /** A record cut at any byte (a kill mid-write without the atomic rename, a full disk) is never taken for a run. */
    @Test
    void aRecordTruncatedAtAnyByteIsMovedAsideAndCountsAsNotStored() throws IOException {
        RunStore s = store();
        RunRecord r = record();
        s.save(r);
        Path file = s.file(r.spec(), r.configuration());
        byte[] whole = Files.readAllBytes(file);
        int step = Math.max(1, whole.length / 400);
        for (int cut = 0; cut < whole.length - 2; cut += step) {
            Files.write(file, Arrays.copyOf(whole, cut));
            log.reset();
            assertEquals(Optional.empty(), s.find(r.spec(), r.identity()), "cut at " + cut);
            assertFalse(Files.exists(file), "cut at " + cut + ": moved aside");
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            assertTrue(Files.exists(aside));
            assertTrue(log.toString(StandardCharsets.UTF_8).contains(file.toString()), log.toString());
        }
    }

    @Test
    void aRecordUnderAnotherRunsNameIsMovedAside() throws IOException {
        RunStore s = store();
        RunRecord a = record();
        s.save(a);
        RunSpec other = new RunSpec(a.variant(), a.seed() + 10, a.settings());
        Files.copy(s.file(a.spec(), a.configuration()), s.file(other, a.configuration()));
        assertEquals(Optional.empty(), s.find(other, a.identity()));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("not the run its name stands for"), log.toString());
        assertEquals(Optional.of(a), s.find(a.spec(), a.identity()), "the real one is untouched");
    }

    @Test
    void anUnfinishedRecordIsMovedAside() {
        RunStore s = store();
        RunRecord a = record();
        RunRecord unfinished = new RunRecord(a.format(), a.variant(), a.seed(), a.settings(), a.engine(), a.configuration(),
                new TrainingHistory(a.history().epochs().subList(0, 1), true), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        s.save(unfinished);
        assertEquals(Optional.empty(), s.find(a.spec(), a.identity()));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("an unfinished run"), log.toString());
    }

    @Test
    void aRecordWithAMissingFieldNamesTheField() throws IOException {
        RunStore s = store();
        RunRecord a = record();
        s.save(a);
        Path file = s.file(a.spec(), a.configuration());
        Files.writeString(file, Files.readString(file).replace("\"test_loss\"", "\"test_lost\""));
        assertEquals(Optional.empty(), s.find(a.spec(), a.identity()));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("field history.epochs[0].test_loss is missing"),
                log.toString());
    }
}
