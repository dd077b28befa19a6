package org.convergence4j.persistence;

import org.convergence4j.probe.NetSummary;
import org.convergence4j.probe.DepthRatios;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.convergence4j.models.InitConfiguration;
import org.convergence4j.probe.ConfigurationResult;
import org.convergence4j.probe.LayerSummary;
import org.convergence4j.probe.MeanFieldTheory;
import java.util.OptionalDouble;
import org.convergence4j.statistics.GeometricSpread;
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
    void summaryListsEveryConfigurationWithOneValuePerLayer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.json");
        InitStudyFile.of(List.of(result(InitConfiguration.A, true), result(InitConfiguration.RELU_XAVIER, false)))
                .write(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertTrue(root.get("note").asText().contains("bias gradient"));
        JsonNode a = root.get("configurations").get(0);
        assertEquals("a", a.get("key").asText());
        assertEquals(11, a.get("forward_std").size());
        assertEquals(1.0, a.get("forward_std").get(0).asDouble());
        assertEquals(1e-4 * 11, a.get("backward_std").get(10).asDouble(), 1e-18);
        assertEquals(InitConfiguration.A.description(), a.get("description").asText());
        assertEquals(11, a.get("forward_std_theory").size());

        JsonNode reluXavier = root.get("configurations").get(1);
        assertEquals(33, reluXavier.get("backward_std").size());
        assertTrue(reluXavier.get("forward_std_theory").isNull());
    }

    @Test
    void summaryReadsBackAsWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("summary.json");
        InitStudyFile written = InitStudyFile.of(List.of(result(InitConfiguration.A, true),
                result(InitConfiguration.RELU_XAVIER, false)));
        written.write(file);
        InitStudyFile read = InitStudyFile.read(file);

        assertEquals(written, read);
        NetSummary a = read.configurations().get(0);
        assertEquals(InitConfiguration.A.mlp().sizes(), a.sizes());
        assertEquals("tanh", a.activation());
        assertEquals(10, a.seeds());
        assertEquals(result(InitConfiguration.A, true).forwardStd(), a.forwardStd());
        assertEquals(11, a.backwardStdTheory().orElseThrow().size());
        assertTrue(read.configurations().get(1).forwardStdTheory().isEmpty());
    }

    @Test
    void aMalformedSummaryNamesTheFileAndTheField(@TempDir Path dir) {
        Path file = dir.resolve("summary.json");
        AtomicFiles.writeString(file, "{\"note\": \"x\", \"configurations\": [{\"key\": \"a\", \"description\": \"x\"}]}");
        Json.JsonFileException e = assertThrows(Json.JsonFileException.class, () -> InitStudyFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("configurations[0]"),
                e.getMessage());
    }

    @Test
    void aNonFiniteStdFailsInsteadOfWritingInvalidJson() {
        ConfigurationResult broken = new ConfigurationResult(InitConfiguration.A, 2, List.of(
                new LayerSummary(1, 784, 500, spread(Double.NaN, 0), spread(1, 0), spread(1, 0))),
                Optional.empty(), new DepthRatios(List.of(0.5, 0.6), List.of(1.5, 1.2)));
        assertThrows(IllegalArgumentException.class, () -> InitStudyFile.of(List.of(broken)));
    }

    /** Layer l (1-based) gets activation std l·1.0 / l… recognizable values, fans from the configuration. */
    private static ConfigurationResult result(InitConfiguration c, boolean withTheory) {
        int depth = c.mlp().depth();
        List<LayerSummary> layers = IntStream.range(0, depth).mapToObj(l -> new LayerSummary(l + 1,
                c.mlp().fanIn(l), c.mlp().fanOut(l), spread(1.0 / (l + 1), 0.1), spread(1e-4 * (l + 1), 1e-5),
                spread(2.0, 0.2))).toList();
        Optional<MeanFieldTheory.Expectation> theory = withTheory
                ? Optional.of(new MeanFieldTheory.Expectation(
                        IntStream.range(0, depth).mapToObj(l -> 0.9 / (l + 1)).toList(),
                        IntStream.range(0, depth).mapToObj(l -> 1.1e-4 * (l + 1)).toList()))
                : Optional.empty();
        return new ConfigurationResult(c, 10, layers, theory, new DepthRatios(List.of(0.5), List.of(1.5)));
    }

    /** A spread over ten seeds with this mean and sd. */
    private static GeometricSpread spread(double mean, double factor) {
        return new GeometricSpread(10, mean, OptionalDouble.of(factor));
    }
}
