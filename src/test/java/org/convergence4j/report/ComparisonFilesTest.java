package org.convergence4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonFilesTest {

    @Test
    void oneRowPerVariantAndPairWithEmptyCellsForWhatDoesNotExist(@TempDir Path dir) throws IOException {
        FakeSummary fake = FakeSummary.standard().variant("RMSNorm", 3, new double[] {0.99137, 0.99}, 0.02, 4, 1);
        Comparison comparison = Comparison.of(RunSummary.read(fake.writeTo(dir.resolve("summary.json"))));
        Path out = dir.resolve("part4-comparison");
        ComparisonFiles.write(out, comparison);

        List<String> variants = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals(ComparisonFiles.VARIANTS_HEADER, variants.get(0));
        assertEquals(1 + 6, variants.size());
        assertTrue(variants.get(5).startsWith("LayerNorm,false,3,3,") && variants.get(5).endsWith(",,3;3;never"),
                variants.get(5));
        assertTrue(variants.get(6).startsWith("RMSNorm,false,1,3,0.99137,,"), "one seed: no sd: " + variants.get(6));

        List<String> pairs = Files.readAllLines(out.resolve("pairwise.csv"));
        assertEquals(ComparisonFiles.PAIRS_HEADER, pairs.get(0));
        assertEquals(1 + 6 * 5 / 2, pairs.size());
        assertTrue(pairs.get(pairs.size() - 1).matches("LayerNorm vs RMSNorm,[-0-9.E]+,,,,no interval: fewer than two finished seeds"),
                pairs.get(pairs.size() - 1));

        JsonObject json = new JsonParser().parse(Files.readString(out.resolve("comparison.json"))).getAsJsonObject();
        assertEquals(0.95, json.get("level").getAsDouble());
        JsonObject rms = json.getAsJsonObject("variants").getAsJsonObject("RMSNorm");
        assertTrue(rms.getAsJsonObject("final_test_acc").get("sd").isJsonNull());
        assertEquals(comparison.pairs().size(), json.getAsJsonArray("pairs").size());
    }
}
