package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.convergence4j.train.FakeRuns;
import org.convergence4j.train.RunEnvironment;
import org.convergence4j.train.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored record edited by hand, as a careless or hostile user would, into values no run can have: the store never
 * takes it for a run, names the file and the field, and moves it aside; records with and without the optional
 * environment are both sound.
 */
class RunRecordCheckTest {

    private static final ObjectMapper TREE = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private RunStore store() {
        return new RunStore(dir.resolve("runs"), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    /** A DropConnect run with Monte-Carlo accuracy, stored without an environment. */
    private static RunRecord record() {
        return FakeRuns.standard().stream().filter(r -> r.monteCarlo().isPresent()).findFirst().orElseThrow();
    }

    /**
     * Stores {@link #record()}, sets the JSON field at {@code pointer} (e.g. {@code /history/epochs/0/test_loss}) to
     * {@code value} in its file, and reads it back: it must be refused with the field named and moved aside.
     */
    private void assertRefused(String pointer, JsonNode value, String field) throws IOException {
        RunStore s = store();
        RunRecord r = record();
        s.save(r);
        Path file = s.file(r.spec(), r.configuration());
        ObjectNode root = (ObjectNode) TREE.readTree(file.toFile());
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(name), value);
        } else {
            ((ObjectNode) parent).set(name, value);
        }
        Files.writeString(file, TREE.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        log.reset();

        assertEquals(Optional.empty(), s.find(r.spec(), r.identity()), pointer + " = " + value);
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains(file.toString()) && said.contains(field), said);
        assertFalse(Files.exists(file), "moved aside");
        assertTrue(Files.exists(file.resolveSibling(file.getFileName() + ".corrupt")));
        assertEquals(List.of(), s.readable(), "what is stored does not count it either");
    }

    private static JsonNode text(String s) {
        return TREE.getNodeFactory().textNode(s);
    }

    private static JsonNode number(double d) {
        return TREE.getNodeFactory().numberNode(d);
    }

    @Test
    void aNaNAccuracyIsRefused() throws IOException {
        assertRefused("/history/epochs/0/test_accuracy", text("NaN"), "field history.epochs[0].test_accuracy is NaN");
        assertRefused("/history/epochs/3/train_accuracy", text("NaN"), "field history.epochs[3].train_accuracy is NaN");
        assertRefused("/monte_carlo/test_accuracy", text("NaN"), "field monte_carlo.test_accuracy is NaN");
    }

    @Test
    void anAccuracyOutsideZeroToOneIsRefused() throws IOException {
        assertRefused("/history/epochs/1/test_accuracy", number(5.0), "history.epochs[1].test_accuracy is 5.0");
        assertRefused("/history/epochs/1/train_accuracy", number(-0.25), "history.epochs[1].train_accuracy is -0.25");
    }

    @Test
    void aLossThatIsNotFiniteIsRefused() throws IOException {
        assertRefused("/history/epochs/2/train_loss", text("NaN"), "field history.epochs[2].train_loss is NaN");
        assertRefused("/history/epochs/0/test_loss", text("Infinity"), "field history.epochs[0].test_loss is Infinity");
    }

    @Test
    void negativeOrNonFiniteSecondsAreRefused() throws IOException {
        assertRefused("/history/epochs/0/seconds", number(-1), "history.epochs[0].seconds is -1.0");
        assertRefused("/history/epochs/0/seconds", text("Infinity"), "history.epochs[0].seconds is Infinity");
    }

    @Test
    void epochsOutOfOrderAreRefused() throws IOException {
        assertRefused("/history/epochs/1/epoch", TREE.getNodeFactory().numberNode(3),
                "field history.epochs[1].epoch is 3; epochs are numbered 1, 2, … in order, so this is 2");
    }

    @Test
    void aNullVariantOrSettingsIsRefused() throws IOException {
        assertRefused("/variant", TREE.getNodeFactory().nullNode(), "field variant is null");
        assertRefused("/settings", TREE.getNodeFactory().nullNode(), "field settings is null");
        assertRefused("/history", TREE.getNodeFactory().nullNode(), "field history is null");
    }

    @Test
    void aVariantThatDoesNotParseIsRefused() throws IOException {
        assertRefused("/variant", text("Dropout(drop=7)"), "field variant");
        assertRefused("/variant", text("NoSuchNet"), "field variant");
    }

    @Test
    void impossibleSettingsAreRefused() throws IOException {
        assertRefused("/settings/epochs", TREE.getNodeFactory().numberNode(0), "epochs must be ≥ 1");
        assertRefused("/settings/dataset", text("cifar"), "field settings.dataset is \"cifar\"");
        assertRefused("/settings/epochs", TREE.getNodeFactory().numberNode(2),
                "field history.epochs is 4 epochs; a run trains at most its settings.epochs = 2");
    }

    @Test
    void aSeedOrConfigurationThatDisagreesWithTheFileNameIsRefused() throws IOException {
        assertRefused("/seed", TREE.getNodeFactory().numberNode(7), "not the run its name stands for");
        assertRefused("/configuration", text("f".repeat(64)), "not the run its name stands for");
        assertRefused("/configuration", text("not a hash"), "field configuration is \"not a hash\"");
    }

    @Test
    void aRecordWithOrWithoutAnEnvironmentIsSound() {
        RunStore s = store();
        RunRecord without = record();
        RunRecord with = new RunRecord(without.format(), without.variant(), without.seed(), without.settings(),
                without.engine(), without.configuration(), without.history(), without.divergence(),
                without.monteCarlo(), without.batchDependence(), without.layerStats(), without.network(),
                Optional.of(new RunEnvironment("2026-01-01T12:00:00Z", "some CPU", "linux-x86_64", "17", "1.0.0-M2.1",
                        "Linux", 2)), without.fingerprint(), Optional.empty());
        for (RunRecord r : List.of(without, with)) {
            s.save(r);
            assertEquals(Optional.of(r), s.find(r.spec(), r.identity()));
        }
        assertEquals("", log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEnvironmentWithAnImpossibleDateIsRefused() throws IOException {
        ObjectNode environment = TREE.valueToTree(java.util.Map.of("finished", "yesterday", "cpu", "x",
                "native_build", "y", "java", "17", "dl4j", "1.0.0-M2.1", "os", "Linux", "cores", 2));
        assertRefused("/environment", environment, "field environment.finished is \"yesterday\"");
    }

    /**
     * The TestNetwork's fake runs, finished and diverged, are sound: the check refuses nothing a run can produce.
     * (Part 1's fake runs are loss curves only; their accuracies are not meant as accuracies.)
     */
    @Test
    void everyFakeTestNetworkRunIsSound() {
        for (RunRecord r : FakeRuns.standard()) {
            assertEquals(Optional.empty(), RunRecordCheck.problem(store().file(r.spec(), r.configuration()), r),
                    r.spec().label());
        }
    }
}
