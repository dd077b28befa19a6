package org.convergence4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convergence4j.models.Variants;
import org.convergence4j.models.TestNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TorchExportTest {

    @TempDir
    Path dir;

    @Test
    void denseWeightsAreTransposedToOutByIn() {
        INDArray w = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {3, 2}, DataType.FLOAT); // [nIn, nOut]

        INDArray torch = TorchExport.torchLayout("W", w);

        assertArrayEquals(new long[] {2, 3}, torch.shape());
        assertEquals(w.getFloat(2, 1), torch.getFloat(1, 2));
    }

    @Test
    void rowVectorsBecomeVectorsAndConvolutionWeightsStay() {
        assertArrayEquals(new long[] {5}, TorchExport.torchLayout("b", Nd4j.ones(DataType.FLOAT, 1, 5)).shape());
        INDArray conv = Nd4j.rand(DataType.FLOAT, 4, 2, 3, 3);
        assertEquals(conv, TorchExport.torchLayout("W", conv));
    }

    @Test
    void batchNormLogStdBecomesVariance() {
        INDArray log10std = Nd4j.create(new float[] {0, 1, -0.5f}, new long[] {1, 3}, DataType.FLOAT);

        INDArray var = TorchExport.torchLayout("log10stdev", log10std);

        assertArrayEquals(new float[] {1, 100, 0.1f}, var.toFloatVector(), 1e-5f);
    }

    @Test
    void floatsAreWrittenInRowMajorOrderWhateverTheLayout() throws Exception {
        INDArray fOrder = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'f');
        Path file = dir.resolve("x.f32");

        TorchExport.writeFloats(file, fOrder);

        assertArrayEquals(fOrder.dup('c').data().asFloat(), TorchExport.readFloats(file));
        assertEquals(24, Files.size(file));
    }

    /** The manifest follows the reference's state_dict: conv1, conv2, then the head's three Linear layers. */
    @Test
    void baselineManifestListsTheStateDictInOrderAndPytorchShapes() throws Exception {
        MultiLayerNetwork net = TestNetwork.build(Variants.BASELINE.defaults(), 1, 1e-3, TestNetwork.PYTORCH_DEFAULT);
        INDArray input = Nd4j.zeros(DataType.FLOAT, 3, 784);

        TorchExport.write(net, "Baseline", input, dir);

        JsonObject manifest = new JsonParser().parse(Files.readString(dir.resolve(TorchExport.MANIFEST)))
                .getAsJsonObject();
        assertEquals("baseline", manifest.get("variant").getAsString());
        assertEquals(List.of(3L, 784L), shape(manifest.getAsJsonObject("input")));
        List<List<Long>> shapes = new ArrayList<>();
        for (JsonElement p : manifest.getAsJsonArray("parameters")) {
            shapes.add(shape(p.getAsJsonObject()));
            assertEquals(4 * shapes.get(shapes.size() - 1).stream().reduce(1L, (a, b) -> a * b),
                    Files.size(dir.resolve(p.getAsJsonObject().get("file").getAsString())));
        }
        assertEquals(List.of(List.of(2L, 1L, 3L, 3L), List.of(2L), List.of(4L, 2L, 3L, 3L), List.of(4L),
                List.of(128L, 196L), List.of(128L), List.of(128L, 128L), List.of(128L), List.of(10L, 128L),
                List.of(10L)), shapes);
    }

    private static List<Long> shape(JsonObject entry) {
        List<Long> shape = new ArrayList<>();
        JsonArray dims = entry.getAsJsonArray("shape");
        dims.forEach(d -> shape.add(d.getAsLong()));
        return shape;
    }
}
