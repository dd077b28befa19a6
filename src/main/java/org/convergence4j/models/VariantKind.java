package org.convergence4j.models;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of the {@link Variants} registry: a named family of networks with typed parameters, e.g. {@code Dropout}
 * (a TestNetwork head) with its drop probability, or {@code InitD} (Part 1's deep tanh net) with its optimizer. A
 * {@link Variant} is a row with a value for each parameter.
 *
 * @param name the name on the command line and in results, e.g. {@code DropConnect}; letters and digits
 * @param beyondSeminar true for what this project adds to the seminar: TestNetwork variants beyond its five, and
 *     Part 1's nets as networks to train (the seminar only initializes them)
 * @param analyses the measurements made on a trained network of this kind, beyond its history
 * @param parameters the hyper-parameters, in the fixed order of the variant's canonical text
 * @param design describes the network for given parameter values
 */
public record VariantKind(String name, boolean beyondSeminar, Set<Analysis> analyses, List<Parameter> parameters,
        Design design) {

    /** Measurements made on a trained network, beyond its per-epoch history. */
    public enum Analysis {
        /** Test accuracy with Monte-Carlo averaging over sampled masks vs the mean-weight rule. */
        MONTE_CARLO_INFERENCE,
        /** Training-mode outputs with batch size 1 vs a full batch. */
        BATCH_DEPENDENCE,
        /** Per-layer activation and gradient std recorded during training (first seed only). */
        LAYER_STATS
    }

    /** The network of a variant of this kind. */
    @FunctionalInterface
    public interface Design {
        /** The network for the parameter values of {@code variant}: a TestNetwork {@link Head} or an {@link MlpNet}. */
        NetworkDesign network(Variant variant);
    }

    /**
     * Copies the collections.
     *
     * @throws IllegalArgumentException if the name is not letters and digits or two parameters share a name
     */
    public VariantKind {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("a variant name is letters and digits, got '" + name + "'");
        }
        analyses = analyses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(analyses));
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(Parameter::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException(name + ": two parameters share a name: " + parameters);
        }
    }

    /** The parameter called {@code name}, if this kind has it. */
    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The variant with every parameter at its default. */
    public Variant defaults() {
        return new Variant(this, Map.of());
    }

    /** The variant with {@code values} (name → value) and the defaults for the other parameters. */
    public Variant with(Map<String, Double> values) {
        return new Variant(this, new LinkedHashMap<>(values));
    }

    /** The name with every parameter and its default, e.g. {@code Dropout(drop=0.3, width=128)}, for messages. */
    public String usage() {
        return parameters.isEmpty() ? name
                : name + parameters.stream().map(Parameter::withDefault).collect(Collectors.joining(", ", "(", ")"));
    }
}
