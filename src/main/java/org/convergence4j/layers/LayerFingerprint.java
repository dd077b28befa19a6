package org.convergence4j.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * What one custom layer of a network computes, measured: the part of a run's identity that its configuration JSON
 * cannot hold. A layer's settings that are configuration fields are in the JSON that the run's hash covers; a
 * constant in its code (an ε, a scale) is not, so two versions of the code with equal JSON would share stored runs.
 * The fingerprint catches them by behaviour: the layer alone, in double precision, initialized from a fixed seed, on a
 * fixed input whose rows span scales 10⁻⁴ … 10³ (so that a small constant added to a statistic shows on the small
 * rows), gives
 * <ul>
 *   <li>its inference-mode output y,</li>
 *   <li>the gradient of L = ½‖y − t‖² (t a fixed target) with respect to its parameters and</li>
 *   <li>with respect to its input, both computed in training mode (with the random generator seeded, so
 *       DropConnect's masks are the same draw every time);</li>
 * </ul>
 * each part v is kept as its Euclidean norm ‖v‖ and its projections ⟨v, r_k⟩ on {@value #PROJECTIONS} fixed
 * random unit vectors r_k, so a record stores a few numbers per layer and any change of v moves them.
 *
 * <p>Two fingerprints match when every norm and projection agrees within {@value #TOLERANCE} × ‖v‖. In double
 * precision (unit roundoff 1.1·10⁻¹⁶) an element of y is a sum of at most nIn ≤ 4 096 terms and a few element-wise
 * operations, so native builds that sum in another order (AVX2, AVX-512, plain) differ by at most about
 * nIn·u ≈ 5·10⁻¹³ relative: the tolerance leaves three orders of magnitude for them, and any change of the code whose
 * effect exceeds 10⁻⁹ relative, a changed ε included, gives another fingerprint. A comment, a renamed variable or a
 * refactoring that computes the same numbers gives the same one.
 *
 * @param layer the layer's position in the network and its class, e.g. {@code 4 LayerNormalization}
 * @param values per part (output, parameter gradient, input gradient): the norm, then the projections
 */
public record LayerFingerprint(String layer, List<Double> values) {

    /** Random directions each part is projected on. */
    static final int PROJECTIONS = 4;
    /** Largest difference, relative to a part's norm, of two fingerprints of the same code (see the class comment). */
    static final double TOLERANCE = 1e-9;
    /** Examples in the fixed input. */
    static final int EXAMPLES = 8;
    /**
     * The seed of the parameters and of DropConnect's masks. Not 0: ND4J's native generator seeded with 0 draws
     * different numbers on every use (1.0.0-M2.1).
     */
    static final long SEED = 1;
    /** Values per part: its norm and its projections. */
    private static final int PER_PART = 1 + PROJECTIONS;

    /** Copies the list. */
    public LayerFingerprint {
        values = List.copyOf(values);
    }

    /** The fingerprint of every {@link CustomSameDiffLayer} of {@code network}, in layer order; none has none. */
    public static List<LayerFingerprint> of(MultiLayerConfiguration network) {
        List<LayerFingerprint> prints = new ArrayList<>();
        for (int i = 0; i < network.getConfs().size(); i++) {
            if (network.getConf(i).getLayer() instanceof CustomSameDiffLayer layer) {
                prints.add(of(i, layer));
            }
        }
        return prints;
    }

    /** The fingerprint of {@code layer}, the network's layer {@code index}. */
    static LayerFingerprint of(int index, CustomSameDiffLayer layer) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(SEED)
                .dataType(DataType.DOUBLE).updater(new NoOp()).list()
                .layer((Layer) layer.clone())
                .layer(new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .build());
        Nd4j.getRandom().setSeed(SEED); // a layer may draw its initial parameters itself
        net.init();
        INDArray x = input(layer.nIn());
        INDArray target = gaussian(new Random(1), EXAMPLES, layer.nOut(), 1);
        INDArray output = net.output(x, false);
        Nd4j.getRandom().setSeed(SEED);
        Pair<Gradient, INDArray> gradients = net.calculateGradients(x, target, null, null);
        List<Double> values = new ArrayList<>();
        values.addAll(part(output));
        values.addAll(part(gradients.getFirst().gradient()));
        values.addAll(part(gradients.getSecond()));
        return new LayerFingerprint(index + " " + layer.getClass().getSimpleName(), values);
    }

    /**
     * How {@code now} differs from {@code stored}, for a message; empty when they match (same layers, every value
     * within the tolerance).
     */
    public static Optional<String> difference(List<LayerFingerprint> stored, List<LayerFingerprint> now) {
        List<String> layersStored = stored.stream().map(LayerFingerprint::layer).toList();
        List<String> layersNow = now.stream().map(LayerFingerprint::layer).toList();
        if (!layersStored.equals(layersNow)) {
            return Optional.of("its custom layers were " + layersStored + " and are now " + layersNow);
        }
        for (int l = 0; l < stored.size(); l++) {
            Optional<Double> change = stored.get(l).relativeChange(now.get(l));
            if (change.isPresent()) {
                return Optional.of(String.format(Locale.ROOT, "layer %s computes otherwise (a change of %.2g relative "
                        + "to the size of what it computes; the same code differs by less than %.0g)",
                        stored.get(l).layer(), change.get(), TOLERANCE));
            }
        }
        return Optional.empty();
    }

    /** The largest change of a value relative to its part's norm, if one exceeds the tolerance. */
    private Optional<Double> relativeChange(LayerFingerprint other) {
        if (values.size() != other.values.size()) {
            return Optional.of(Double.POSITIVE_INFINITY);
        }
        double largest = 0;
        for (int i = 0; i < values.size(); i++) {
            double norm = Math.max(Math.abs(values.get(i - i % PER_PART)), Double.MIN_NORMAL);
            double change = Math.abs(values.get(i) - other.values.get(i)) / norm;
            largest = Double.isNaN(change) ? Double.POSITIVE_INFINITY : Math.max(largest, change);
        }
        return largest > TOLERANCE ? Optional.of(largest) : Optional.empty();
    }

    /** {@value #EXAMPLES} rows of standard normal features, row r scaled by 10^(r − 4). */
    private static INDArray input(long features) {
        INDArray x = gaussian(new Random(0), EXAMPLES, features, 1);
        for (int r = 0; r < EXAMPLES; r++) {
            x.getRow(r).muli(StrictMath.pow(10, r - 4));
        }
        return x;
    }

    private static INDArray gaussian(Random random, int rows, long columns, double sd) {
        double[] values = new double[Math.toIntExact(rows * columns)];
        for (int i = 0; i < values.length; i++) {
            values[i] = sd * random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, DataType.DOUBLE);
    }

    /** ‖v‖ and the projections of v on {@value #PROJECTIONS} unit vectors drawn from fixed seeds. */
    private static List<Double> part(INDArray array) {
        double[] v = array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        List<Double> values = new ArrayList<>(PER_PART);
        values.add(norm(v));
        for (int k = 0; k < PROJECTIONS; k++) {
            Random random = new Random(100 + k);
            double[] r = new double[v.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = random.nextGaussian();
            }
            double length = norm(r);
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += v[i] * r[i] / length;
            }
            values.add(dot);
        }
        return values;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
