package org.convergence4j.models;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
 * @param comparisons the seminar's comparisons it takes part in: a kind joins the studies that make them (and Part 4,
 *     which compares every TestNetwork kind) by this declaration alone
 * @param constraints what its parameter values must satisfy together, beyond each parameter's own range (a group
 *     count that divides the width); checked whenever a variant is made, so a violation on the command line is a
 *     usage error
 */
public record VariantKind(String name, boolean beyondSeminar, Set<Analysis> analyses, List<Parameter> parameters,
        Design design, Set<Comparison> comparisons, List<Constraint> constraints) {

    /** The seminar's comparisons of TestNetwork kinds, each made by a study of its own. */
    public enum Comparison {
        /** Part 2: regularization by dropping, Dropout against DropConnect, with the Baseline as reference. */
        REGULARIZATION,
        /** Part 3: normalization layers, BatchNorm against LayerNorm. */
        NORMALIZATION
    }

    /**
     * A condition on a variant's parameter values taken together.
     *
     * @param description what must hold, in words, e.g. {@code groups divides width}
     * @param holds whether a variant's parameter values (name → value, every parameter) satisfy it
     */
    public record Constraint(String description, Predicate<Map<String, Double>> holds) {

        /** {@code divisor} divides {@code dividend}: both whole-number parameters of the kind. */
        public static Constraint divides(String divisor, String dividend) {
            return new Constraint(divisor + " divides " + dividend,
                    values -> values.get(dividend) % values.get(divisor) == 0);
        }
    }

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
        comparisons = comparisons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(comparisons));
        constraints = List.copyOf(constraints);
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(Parameter::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException(name + ": two parameters share a name: " + parameters);
        }
    }

    /** A kind in no comparison of its own (Part 4 still compares every TestNetwork kind) and without constraints. */
    public VariantKind(String name, boolean beyondSeminar, Set<Analysis> analyses, List<Parameter> parameters,
            Design design) {
        this(name, beyondSeminar, analyses, parameters, design, Set.of(), List.of());
    }

    /** The same kind, taking part in {@code comparison} too. */
    public VariantKind in(Comparison comparison) {
        Set<Comparison> more = EnumSet.of(comparison);
        more.addAll(comparisons);
        return new VariantKind(name, beyondSeminar, analyses, parameters, design, more, constraints);
    }

    /** The same kind, whose variants must also satisfy {@code constraint}. */
    public VariantKind constrained(Constraint constraint) {
        List<Constraint> more = new ArrayList<>(constraints);
        more.add(constraint);
        return new VariantKind(name, beyondSeminar, analyses, parameters, design, comparisons, more);
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
        String usage = parameters.isEmpty() ? name
                : name + parameters.stream().map(Parameter::withDefault).collect(Collectors.joining(", ", "(", ")"));
        return constraints.isEmpty() ? usage : usage + " with "
                + constraints.stream().map(Constraint::description).collect(Collectors.joining(" and "));
    }
}
