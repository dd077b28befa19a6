package org.convergence4j.persistence;

import org.convergence4j.data.Dataset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;
import org.convergence4j.models.Variants;
import org.convergence4j.statistics.Comparison;
import org.convergence4j.train.FakeRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonFilesTest {

    @Test
    void oneRowPerVariantAndPairWithEmptyCellsForWhatDoesNotExist(@TempDir Path dir) throws IOException {
        List<Variant> all = Variants.KINDS.stream().map(VariantKind::defaults).toList();
        Variant rms = Variants.RMSNORM.defaults();
        Comparison comparison = Comparison.of(all, 3, FakeRuns.EPOCHS, Dataset.MNIST.equivalenceMargin(), FakeRuns.plus(FakeRuns.standard(),
                FakeRuns.variant(rms, new double[] {0.99137, 0.99}, 0.02, 4, 1)));
        ResultsLayout layout = ResultsLayout.of(dir);
        ComparisonFiles.write(layout, "part4-comparison", comparison);

        List<String> variants = Files.readAllLines(layout.comparisonCsv("part4-comparison"));
        assertEquals(ComparisonFiles.VARIANTS_HEADER, variants.get(0));
        assertEquals(1 + comparison.variants().size(), variants.size());
        String layerNorm = variants.stream().filter(l -> l.startsWith("LayerNorm,")).findFirst().orElseThrow();
        assertTrue(layerNorm.startsWith("LayerNorm,false,3,3,") && layerNorm.endsWith(",,3;3;never"), layerNorm);
        String last = variants.get(variants.size() - 1);
        assertTrue(last.matches("RMSNorm,true,1,3,0\\.9[0-9]+,,0\\.99137,,.*"), "one seed: no sd: " + last);

        List<String> pairs = Files.readAllLines(layout.pairwiseCsv("part4-comparison"));
        assertEquals(ComparisonFiles.PAIRS_HEADER, pairs.get(0));
        assertEquals(1 + comparison.pairs().size(), pairs.size());
        assertTrue(pairs.get(pairs.size() - 1).matches("LayerNorm vs RMSNorm,[-0-9.E]+,,,,,,no interval: fewer than two seeds in common"),
                pairs.get(pairs.size() - 1));

        JsonNode json = new ObjectMapper().readTree(layout.comparisonJson("part4-comparison").toFile());
        assertEquals(0.95, json.get("level").asDouble());
        JsonNode last4 = json.get("variants").get(comparison.variants().size() - 1);
        assertEquals("RMSNorm", last4.get("variant").asText());
        assertTrue(last4.get("final_test_accuracy").get("sd").isNull());
        assertEquals(comparison.pairs().size(), json.get("pairs").size());
    }

    @Test
    void aVariantWithSeveralParametersIsOneQuotedCell(@TempDir Path dir) throws IOException {
        Variant v = Variants.DROPCONNECT.defaults().with("keep", 0.6).with("width", 64);
        Comparison comparison = Comparison.of(List.of(v), 2, FakeRuns.EPOCHS, Dataset.MNIST.equivalenceMargin(), FakeRuns.variant(v, new double[] {0.98, 0.97}, 0.01, 4, 4));
        ResultsLayout layout = ResultsLayout.of(dir);
        ComparisonFiles.write(layout, "sweep", comparison);
        assertTrue(Files.readAllLines(layout.comparisonCsv("sweep")).get(1).startsWith("\"DropConnect(keep=0.6,width=64)\","));
    }
}
