package org.convergence4j.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Writes a TestNetwork's parameters and an input batch in a form the PyTorch reference loads
 * ({@code reference.py --logits DIR}): one raw little-endian float32 file per tensor and a {@value #MANIFEST} that
 * lists them in the order of the PyTorch model's {@code state_dict}, already in PyTorch's layouts:
 * <ul>
 *   <li>dense and DropConnect weights: DL4J stores {@code W} as {@code [nIn, nOut]} (y = x·W + b), PyTorch's
 *       {@code nn.Linear} as {@code [out, in]} (y = x·Wᵀ + b): transposed;</li>
 *   <li>convolution weights: {@code [out, in, kH, kW]} in both: unchanged;</li>
 *   <li>row vectors (biases, norm gains and shifts, BatchNorm statistics): DL4J's {@code [1, n]} → {@code [n]};</li>
 *   <li>BatchNorm's running variance: DL4J keeps log₁₀ √var ({@code log10stdev}) by default, PyTorch {@code var}.</li>
 * </ul>
 * Layers are visited in network order, each layer's parameters in PyTorch's order (weight before bias, gain before
 * shift, then running mean and variance), the order of the reference model's {@code state_dict}.
 */
public final class TorchExport {

    /** The manifest: variant, input, and the parameter files in state_dict order. */
    public static final String MANIFEST = "manifest.json";
    /** The input batch, {@code [batch, 784]}. */
    public static final String INPUT = "input.f32";
    /** Written by the reference: log-probabilities {@code [batch, 10]}. */
    public static final String LOG_PROBS = "log_probs.f32";

    /**
     * DL4J parameter keys in the order PyTorch registers the corresponding tensors within a module: weight (or
     * gain), bias (or shift), then BatchNorm's running mean and variance. DL4J's own order differs (a convolution
     * lists its bias first).
     */
    private static final List<String> TORCH_ORDER = List.of("W", "g", "gamma", "b", "beta", "mean", "var",
            BatchNormalizationParamInitializer.GLOBAL_LOG_STD);

    private TorchExport() {
    }

    /**
     * @param net     a TestNetwork
     * @param variant the head's name, as the reference spells it (case-insensitive)
     * @param input   the batch to evaluate, {@code [batch, 784]}
     * @param dir     where to write (created if missing)
     */
    public static void write(MultiLayerNetwork net, String variant, INDArray input, Path dir) throws IOException {
        Files.createDirectories(dir);
        JsonArray parameters = new JsonArray();
        for (Layer layer : net.getLayers()) {
            List<Map.Entry<String, INDArray>> params = new ArrayList<>(layer.paramTable().entrySet());
            params.sort(Comparator.comparingInt(p -> TORCH_ORDER.indexOf(p.getKey())));
            for (Map.Entry<String, INDArray> param : params) {
                if (!TORCH_ORDER.contains(param.getKey())) {
                    throw new IllegalArgumentException("layer " + layer.getIndex() + " has parameter '" + param.getKey()
                            + "' that the PyTorch export does not know; add it to TorchExport.TORCH_ORDER");
                }
                String name = layer.getIndex() + "_" + param.getKey();
                INDArray torch = torchLayout(param.getKey(), param.getValue());
                String file = String.format(Locale.ROOT, "p%02d_%s.f32", parameters.size(), name);
                writeFloats(dir.resolve(file), torch);
                parameters.add(entry(name, file, torch.shape()));
            }
        }
        writeFloats(dir.resolve(INPUT), input);
        JsonObject manifest = new JsonObject();
        manifest.addProperty("variant", variant.toLowerCase(Locale.ROOT));
        manifest.add("input", entry("input", INPUT, input.shape()));
        manifest.add("parameters", parameters);
        Files.writeString(dir.resolve(MANIFEST), new GsonBuilder().setPrettyPrinting().create().toJson(manifest));
    }

    /** A parameter in PyTorch's layout (see the class comment). */
    static INDArray torchLayout(String key, INDArray value) {
        if (value.rank() == 2 && value.size(0) == 1) {
            INDArray row = value.reshape(value.length());
            if (key.equals(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)) {
                // var = (10^log10s)², as DL4J's BatchNormalization computes it: exp(2·ln10·log10s)
                return Transforms.exp(row.castTo(DataType.DOUBLE).mul(2 * Math.log(10)), false).castTo(DataType.FLOAT);
            }
            return row;
        }
        if (value.rank() == 2) {
            return value.transpose();
        }
        return value;
    }

    /** Writes {@code array} in c order as little-endian float32. */
    static void writeFloats(Path file, INDArray array) throws IOException {
        float[] values = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Files.write(file, bytes.array());
    }

    /** Reads a file of little-endian float32 values. */
    static float[] readFloats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    private static JsonObject entry(String name, String file, long[] shape) {
        JsonObject entry = new JsonObject();
        entry.addProperty("name", name);
        entry.addProperty("file", file);
        JsonArray dims = new JsonArray();
        for (long d : shape) {
            dims.add(d);
        }
        entry.add("shape", dims);
        return entry;
    }
}
