package org.convergence4j.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * An experiment variant as a value: a {@link VariantKind} and a value for each of its parameters, e.g.
 * {@code Dropout(drop=0.5)}. Its canonical text {@link #key()} names it everywhere (results, tables, legends, the
 * command line): the bare name when every parameter is at its default, else {@code Name(k=v,...)} with the
 * non-default parameters in the kind's order.
 *
 * @param kind the registry row
 * @param values every parameter's value, in the kind's order; missing ones are filled with their defaults
 */
public record Variant(VariantKind kind, Map<String, Double> values) {

    /**
     * Completes the values with the defaults.
     *
     * @throws IllegalArgumentException naming the parameter if it is unknown or its value is not allowed
     */
    public Variant {
        Map<String, Double> complete = new LinkedHashMap<>();
        for (Parameter p : kind.parameters()) {
            double v = values.getOrDefault(p.name(), p.defaultValue());
            if (!p.allows(v)) {
                throw new IllegalArgumentException(kind.name() + ": " + p.name() + "=" + Parameter.format(v)
                        + " is out of range; " + p.name() + " is " + p.meaning() + ", " + p.interval());
            }
            complete.put(p.name(), v);
        }
        for (String name : values.keySet()) {
            if (kind.parameter(name).isEmpty()) {
                throw new IllegalArgumentException(kind.name() + " has no parameter '" + name + "'; it has "
                        + (kind.parameters().isEmpty() ? "none" : kind.usage()));
            }
        }
        values = Collections.unmodifiableMap(complete);
        for (VariantKind.Constraint c : kind.constraints()) {
            if (!c.holds().test(values)) {
                throw new IllegalArgumentException(kind.name() + ": " + values.entrySet().stream()
                        .map(e -> e.getKey() + "=" + Parameter.format(e.getValue())).collect(Collectors.joining(", "))
                        + " breaks the constraint " + c.description() + "; " + kind.name() + " is " + kind.usage());
            }
        }
    }

    /** The variant written as {@code text}, e.g. {@code DropConnect(keep=0.6)}; see {@link VariantSpec}. */
    @JsonCreator
    public static Variant of(String text) {
        List<Variant> one = VariantSpec.parse(text);
        if (one.size() != 1) {
            throw new IllegalArgumentException("'" + text + "' names " + one.size() + " variants, expected one");
        }
        return one.get(0);
    }

    /** The canonical text, e.g. {@code Baseline} or {@code Dropout(drop=0.5)}. */
    @JsonValue
    public String key() {
        String changed = kind.parameters().stream().filter(p -> values.get(p.name()) != p.defaultValue())
                .map(p -> p.name() + "=" + Parameter.format(values.get(p.name()))).collect(Collectors.joining(","));
        return changed.isEmpty() ? kind.name() : kind.name() + "(" + changed + ")";
    }

    /** The key as a file-name stem: lower case, e.g. {@code dropout-drop0.5} for {@code Dropout(drop=0.5)}. */
    public String fileStem() {
        return key().toLowerCase(Locale.ROOT).replace("(", "-").replace(",", "-").replace("=", "").replace(")", "");
    }

    /** The value of parameter {@code name}. @throws IllegalArgumentException if the kind has no such parameter */
    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(kind.name() + " has no parameter '" + name + "'");
        }
        return v;
    }

    /** The same variant with parameter {@code name} set to {@code value}. */
    public Variant with(String name, double value) {
        Map<String, Double> changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        if (kind.parameter(name).isEmpty()) {
            throw new IllegalArgumentException(kind.name() + " has no parameter '" + name + "'; it has " + kind.usage());
        }
        return new Variant(kind, changed);
    }

    /** The network for these values: a TestNetwork head, or one of Part 1's MLPs with its optimizer. */
    public NetworkDesign network() {
        return kind.design().network(this);
    }

    /**
     * The TestNetwork head for these values.
     *
     * @throws IllegalStateException if this variant is not a head on the TestNetwork but a whole network
     */
    public Head head() {
        if (network() instanceof Head head) {
            return head;
        }
        throw new IllegalStateException(key() + " is not a head on the TestNetwork but " + description()
                + "; build it with Variant.configuration");
    }

    /**
     * The whole network's DL4J configuration, the one place a variant's network is configured
     * ({@link NetworkDesign#configuration}).
     *
     * @param seed seeds the parameter initialization
     * @param learningRate the study's (Adam's) learning rate
     */
    public MultiLayerConfiguration configuration(long seed, double learningRate) {
        return network().configuration(seed, learningRate);
    }

    /** The layers in the seminar's notation, e.g. {@code Linear → Dropout(0.5) → ReLU ×2 → Linear}. */
    public String description() {
        return network().description();
    }

    @Override
    public String toString() {
        return key();
    }
}
