package org.convergence4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.convergence4j.layers.DropConnect;
import org.convergence4j.layers.LayerNormalization;
import org.convergence4j.layers.RMSNorm;
import org.convergence4j.models.VariantKind.Analysis;
import org.convergence4j.models.VariantKind.Comparison;
import org.convergence4j.models.VariantKind.Constraint;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The registry of variant kinds: every experiment variant is a row here with its typed parameters and the
 * seminar's defaults, and everything else (the command line, training, results, plots, write-ups) works on
 * {@link Variant} values of these rows. Two lists: {@link #KINDS}, the TestNetwork variants that Part 4 compares
 * (adding a variant is adding a row there), and {@link #INITIALIZATION_KINDS}, Part 1's deep MLPs as networks to
 * train; {@link #kind} finds a row of either.
 */
public final class Variants {

    /** The hidden width every head shares; the seminar's 128. */
    public static final Parameter WIDTH = Parameter.count("width", "the units of each of the two hidden layers", 128, 1, 4096);

    /** Baseline: Linear–ReLU, Linear–ReLU, Linear (196 → 128 → 128 → 10). */
    public static final VariantKind BASELINE = new VariantKind("Baseline", false, Set.of(Analysis.LAYER_STATS),
            List.of(WIDTH), v -> new Head("Linear–ReLU ×2 → Linear" + widthNote(v), width(v),
                    (nIn, nOut) -> List.of(dense(nIn, nOut, Activation.RELU)), Variants::softmaxOutput))
            .in(Comparison.REGULARIZATION);

    /**
     * Dropout: Linear → Dropout → ReLU, twice, then Linear. {@code drop} is PyTorch's convention, the probability
     * of dropping a unit (the seminar's {@code Dropout(0.3)}); DL4J's {@code DropoutLayer} takes the
     * <em>retain</em> probability 1 − drop (both scale kept units by 1/(1 − drop) in training). Dropout is applied
     * after the ReLU here: relu(m·x/q) = m·relu(x)/q for a mask m ∈ {0, 1} and q > 0, so the order does not matter.
     */
    public static final VariantKind DROPOUT = new VariantKind("Dropout", false, Set.of(),
            List.of(Parameter.probability("drop", "the probability of dropping a unit (PyTorch's p)", 0.3, true, false),
                    WIDTH),
            v -> new Head("Linear → Dropout(" + Parameter.format(v.value("drop")) + ") → ReLU ×2 → Linear"
                    + widthNote(v), width(v),
                    (nIn, nOut) -> List.of(dense(nIn, nOut, Activation.RELU),
                            new DropoutLayer.Builder(1 - v.value("drop")).build()),
                    Variants::softmaxOutput))
            .in(Comparison.REGULARIZATION);

    /**
     * DropConnect: the custom {@link DropConnect} layer replaces all three linear layers, with ReLU between them,
     * as the seminar's task asks. {@code keep} is the seminar's p, the probability of keeping a weight.
     * {@code hidden} counts the hidden DropConnect layers: 2 as intended, 0 for the notebook's model as it ran (its
     * loop over the three layers is commented out): one {@code DropConnect(196 → 10)} after a ReLU, which the
     * trunk's own ReLU already is (relu(relu(x)) = relu(x)), so no second one is added.
     */
    public static final VariantKind DROPCONNECT = new VariantKind("DropConnect", false,
            Set.of(Analysis.MONTE_CARLO_INFERENCE),
            List.of(Parameter.probability("keep", "the probability of keeping a weight (the seminar's p)",
                    DropConnect.DEFAULT_P, false, true), WIDTH,
                    Parameter.count("hidden", "the hidden DropConnect layers; 0 is the notebook's model as it ran, one "
                            + "DropConnect(196 → 10)", 2, 0, 2)),
            v -> {
                double keep = v.value("keep");
                int hidden = (int) v.value("hidden");
                String p = "DropConnect(p=" + Parameter.format(keep) + ")";
                String description = hidden == 0 ? "ReLU → " + p + " 196 → 10 (the notebook's model as it ran)"
                        : p + " → ReLU ×" + hidden + " → " + p + widthNote(v);
                return new Head(description, Collections.nCopies(hidden, width(v)),
                        (nIn, nOut) -> List.of(new DropConnect(nIn, nOut, keep), new ActivationLayer(Activation.RELU)),
                        (nIn, classes) -> List.of(new DropConnect(nIn, classes, keep), softmaxLoss()));
            }).in(Comparison.REGULARIZATION).constrained(new Constraint("a width needs hidden layers",
                    values -> values.get("hidden") > 0 || values.get(WIDTH.name()) == WIDTH.defaultValue()));

    /**
     * BatchNorm: Linear → BatchNorm → ReLU, twice, then Linear; 128 units as intended, and {@code first} units in the
     * first hidden layer where it is set: {@code BatchNorm(first=512)} is the notebook's model as it ran
     * ({@code sizes = [196, 512, 128, 10]}). DL4J's defaults equal PyTorch's {@code BatchNorm1d}: ε = 1e-5 and running
     * statistics with decay 0.9 (PyTorch momentum 0.1).
     */
    public static final VariantKind BATCHNORM = new VariantKind("BatchNorm", false,
            Set.of(Analysis.BATCH_DEPENDENCE, Analysis.LAYER_STATS), List.of(WIDTH, Parameter.count("first",
                    "the units of the first hidden layer; 0 takes the width (512 is the notebook's model as it ran)",
                    0, 0, 4096)),
            v -> {
                int first = (int) v.value("first");
                Head head = normalized("BatchNorm", v, n -> new BatchNormalization.Builder().nOut(n).build());
                return first == 0 ? head : new Head(head.description() + ", " + first + " units in the first",
                        List.of(first, width(v)), head.hidden(), head.output());
            }).in(Comparison.NORMALIZATION);

    /**
     * LayerNorm: Linear → {@link LayerNormalization} → ReLU, twice, then Linear; per example as intended, and with
     * {@code whole=1} as the notebook's code computed it: one mean and unbiased standard deviation of the whole batch
     * tensor, + 1e-8 ({@link LayerNormalization.Statistics#BATCH}).
     */
    public static final VariantKind LAYERNORM = new VariantKind("LayerNorm", false,
            Set.of(Analysis.BATCH_DEPENDENCE, Analysis.LAYER_STATS), List.of(WIDTH, Parameter.count("whole",
                    "1 normalizes with one mean and std of the whole batch tensor, as the notebook's code did; 0 per "
                            + "example", 0, 0, 1)),
            v -> v.value("whole") == 0 ? normalized("LayerNorm", v, LayerNormalization::new)
                    : normalized("LayerNorm(whole=1: one mean and std of the whole batch, the notebook's code)", v,
                            n -> new LayerNormalization(n, LayerNormalization.Statistics.BATCH)))
            .in(Comparison.NORMALIZATION);

    /** RMSNorm (beyond the seminar, the worked extension layer): Linear → {@link RMSNorm} → ReLU, twice, then Linear. */
    public static final VariantKind RMSNORM = new VariantKind("RMSNorm", true, Set.of(Analysis.BATCH_DEPENDENCE),
            List.of(WIDTH), v -> normalized("RMSNorm", v, RMSNorm::new)).in(Comparison.NORMALIZATION);

    /**
     * Every TestNetwork kind, in the seminar's order: its Part 2 variants, then Part 3's, then this project's, then
     * those of {@link VariantKindProvider}s on the classpath; the variants Part 4 compares.
     */
    public static final List<VariantKind> KINDS = withProvided(List.of(BASELINE, DROPOUT, DROPCONNECT, BATCHNORM,
            LAYERNORM, RMSNORM));

    /**
     * The optimizer of Part 1's nets ({@link MlpNet}): plain SGD's learning rate η (w ← w − η·∂L/∂w, no momentum),
     * or 0 for Adam at the study's learning rate, the seminar's optimizer.
     */
    public static final Parameter SGD = new Parameter("sgd", "plain SGD's learning rate, no momentum; 0 trains with "
            + "Adam at the study's learning rate (the seminar's optimizer)", false, 0, 0, true, 1, true);

    /**
     * Part 1's nets as networks to train (beyond the seminar, which only initializes them): one kind per
     * {@link InitConfiguration}, in its order, named {@code Init} and the net's key in camel case ({@code InitA},
     * {@code InitReluXavier}), with the optimizer as its one parameter: {@code InitD} trains with Adam,
     * {@code InitD(sgd=0.01)} with plain SGD at 0.01. Not in {@link #KINDS}: they are no TestNetwork variant.
     */
    public static final List<VariantKind> INITIALIZATION_KINDS = Arrays.stream(InitConfiguration.values())
            .map(Variants::trainable).toList();

    private Variants() {
    }

    /** {@code builtIn}, then the kinds of every {@link VariantKindProvider} on the classpath. */
    private static List<VariantKind> withProvided(List<VariantKind> builtIn) {
        List<VariantKind> all = new ArrayList<>(builtIn);
        ServiceLoader.load(VariantKindProvider.class).forEach(p -> all.addAll(p.kinds()));
        Set<String> names = new HashSet<>();
        for (VariantKind k : all) {
            if (!names.add(k.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("two variant kinds are called " + k.name() + "; rename one (a "
                        + VariantKindProvider.class.getSimpleName() + " may not reuse a registered name)");
            }
        }
        return List.copyOf(all);
    }

    /** The TestNetwork kinds that take part in {@code comparison}, in the order of {@link #KINDS}. */
    public static List<VariantKind> in(Comparison comparison) {
        return KINDS.stream().filter(k -> k.comparisons().contains(comparison)).toList();
    }

    /** The kind called {@code name} (case-insensitive) in either list, if there is one. */
    public static Optional<VariantKind> kind(String name) {
        return Stream.concat(KINDS.stream(), INITIALIZATION_KINDS.stream()).filter(k -> k.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /** The kind of Part 1's net {@code net}, e.g. {@code InitTanhHe} for {@link InitConfiguration#TANH_HE}. */
    public static VariantKind initialization(InitConfiguration net) {
        return INITIALIZATION_KINDS.get(net.ordinal());
    }

    /**
     * Every kind with its parameters and defaults, for messages: {@code Baseline(width=128), Dropout(...), …; Part
     * 1's nets: InitA(sgd=0), …}.
     */
    public static String usage() {
        return KINDS.stream().map(VariantKind::usage).collect(Collectors.joining(", ")) + "; Part 1's nets: "
                + INITIALIZATION_KINDS.stream().map(VariantKind::usage).collect(Collectors.joining(", "));
    }

    /** The kind that trains Part 1's net {@code net}. */
    private static VariantKind trainable(InitConfiguration net) {
        String name = Arrays.stream(net.key().split("_"))
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1)).collect(Collectors.joining());
        return new VariantKind("Init" + name, true, Set.of(), List.of(SGD), v -> new MlpNet(net, v.value(SGD.name())));
    }

    /** The normalization layer of a head, built from the hidden width. */
    @FunctionalInterface
    private interface Normalization {
        Layer of(int width);
    }

    private static Head normalized(String name, Variant v, Normalization normalization) {
        return new Head("Linear → " + name + " → ReLU ×2 → Linear" + widthNote(v), width(v),
                (nIn, nOut) -> List.of(dense(nIn, nOut, Activation.IDENTITY), normalization.of(nOut),
                        new ActivationLayer(Activation.RELU)),
                Variants::softmaxOutput);
    }

    private static int width(Variant v) {
        return (int) v.value(WIDTH.name());
    }

    /** Nothing at the seminar's width, else {@code , 256 units}. */
    private static String widthNote(Variant v) {
        return width(v) == (int) WIDTH.defaultValue() ? "" : ", " + width(v) + " units";
    }

    /** A fully connected layer y = act(x·W + b). */
    public static DenseLayer dense(int nIn, int nOut, Activation activation) {
        return new DenseLayer.Builder().nIn(nIn).nOut(nOut).activation(activation).build();
    }

    /** Softmax and negative log-likelihood on the previous layer's output, without parameters. */
    private static LossLayer softmaxLoss() {
        return new LossLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).activation(Activation.SOFTMAX)
                .build();
    }

    /** The seminar's last Linear followed by LogSoftmax and NLLLoss: softmax output, NLL loss. */
    public static List<Layer> softmaxOutput(int nIn, int classes) {
        return List.of(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nIn(nIn).nOut(classes).activation(Activation.SOFTMAX).build());
    }
}
