package org.convergence4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.LayerSummary;
import org.convergence4j.probe.MeanFieldTheory;
import org.convergence4j.probe.MeanSd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitStudyWritersTest {

    @Test
    void csvHasOneRowPerLayerWithMeanSdAndTheory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.csv");
        LayerStdCsv.write(file, result(InitConfiguration.A, true));
        List<String> lines = Files.readAllLines(file);
        assertEquals(LayerStdCsv.HEADER, lines.get(0));
        assertEquals(1 + 11, lines.size());
        assertEquals("1,784,500,1.0,0.1,1.0E-4,1.0E-5,2.0,0.2,0.9,1.1E-4", lines.get(1));
        assertTrue(lines.get(11).startsWith("11,500,10,"), lines.get(11));
    }

    @Test
    void csvLeavesTheTheoryEmptyWhenThereIsNone() {
        String csv = LayerStdCsv.format(result(InitConfiguration.B, false));
        assertTrue(csv.lines().skip(1).allMatch(line -> line.endsWith(",,")), csv);
    }

    @Test
    void summaryIsKeyedByConfigurationWithOneValuePerLayer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.json");
        InitSummaryJson.write(file, List.of(result(InitConfiguration.A, true), result(InitConfiguration.RELU_XAVIER, false)));
        JsonObject root = new JsonParser().parse(Files.readString(file)).getAsJsonObject();
        assertEquals(List.of("a", "relu_xavier"), root.entrySet().stream().map(Map.Entry::getKey).toList());

        JsonObject a = root.getAsJsonObject("a");
        assertEquals(11, a.getAsJsonArray("forward_std").size());
        assertEquals(1.0, a.getAsJsonArray("forward_std").get(0).getAsDouble());
        assertEquals(1e-4 * 11, a.getAsJsonArray("backward_std").get(10).getAsDouble(), 1e-18);
        assertEquals(InitConfiguration.A.description(), a.get("description").getAsString());
        assertEquals(11, a.getAsJsonArray("forward_std_theory").size());
        assertTrue(a.get("note").getAsString().contains("bias gradient"));

        JsonObject reluXavier = root.getAsJsonObject("relu_xavier");
        assertEquals(33, reluXavier.getAsJsonArray("backward_std").size());
        assertFalse(reluXavier.has("forward_std_theory"));
    }

    @Test
    void summaryReadsBackAsWritten(@TempDir Path dir) {
        Path file = dir.resolve("summary.json");
        InitSummaryJson.write(file, List.of(result(InitConfiguration.A, true), result(InitConfiguration.RELU_XAVIER, false)));
        List<InitSummaryJson.Entry> entries = InitSummaryJson.read(file);

        assertEquals(List.of("a", "relu_xavier"), entries.stream().map(InitSummaryJson.Entry::key).toList());
        InitSummaryJson.Entry a = entries.get(0);
        assertEquals(InitConfiguration.A.mlp().sizes(), a.sizes());
        assertEquals("tanh", a.activation());
        assertEquals(10, a.seeds());
        assertEquals(result(InitConfiguration.A, true).forwardStd(), a.forwardStd());
        assertEquals(11, a.backwardTheory().orElseThrow().size());
        assertTrue(entries.get(1).forwardTheory().isEmpty());
    }

    @Test
    void aMalformedSummaryNamesTheConfiguration(@TempDir Path dir) {
        Path file = dir.resolve("summary.json");
        AtomicFiles.writeString(file, "{\"a\": {\"description\": \"x\"}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InitSummaryJson.read(file));
        assertTrue(e.getMessage().contains("configuration a"), e.getMessage());
    }

    @Test
    void aNonFiniteStdFailsInsteadOfWritingInvalidJson() {
        ConfigurationResult broken = new ConfigurationResult(InitConfiguration.A, 2, List.of(
                new LayerSummary(1, 784, 500, new MeanSd(Double.NaN, 0), new MeanSd(1, 0), new MeanSd(1, 0))),
                Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> InitSummaryJson.format(List.of(broken)));
    }

    /** Layer l (1-based) gets activation std l·1.0 / l… recognizable values, fans from the configuration. */
    private static ConfigurationResult result(InitConfiguration c, boolean withTheory) {
        int depth = c.mlp().depth();
        List<LayerSummary> layers = IntStream.range(0, depth).mapToObj(l -> new LayerSummary(l + 1,
                c.mlp().fanIn(l), c.mlp().fanOut(l), new MeanSd(1.0 / (l + 1), 0.1), new MeanSd(1e-4 * (l + 1), 1e-5),
                new MeanSd(2.0, 0.2))).toList();
        Optional<MeanFieldTheory.Expectation> theory = withTheory
                ? Optional.of(new MeanFieldTheory.Expectation(
                        IntStream.range(0, depth).mapToObj(l -> 0.9 / (l + 1)).toList(),
                        IntStream.range(0, depth).mapToObj(l -> 1.1e-4 * (l + 1)).toList()))
                : Optional.empty();
        return new ConfigurationResult(c, 10, layers, theory);
    }
}
