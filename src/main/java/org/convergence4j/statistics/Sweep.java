package org.convergence4j.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence4j.models.Parameter;
import org.convergence4j.models.Variant;
import org.convergence4j.models.VariantKind;

/**
 * A parameter sweep: for each swept kind the {@link EndPoint} against the one parameter whose value varies among
 * the study's variants of that kind, next to a reference variant (the Baseline) measured on the same seeds.
 * <pre>
 *   per point:     ȳ ± t·s/√n over seeds (t interval of the mean end-point)
 *   vs reference:  paired interval of yₖ − y_ref,k
 *   best:          the point with the highest ȳ; its paired interval against the kind's default (the seminar's
 *                  value), which says whether the seminar's choice can be told from the best
 * </pre>
 * Picking the best of several points on the same seeds favours a point whose seeds happened to be good, so the
 * best point's advantage is, if anything, overstated; an interval that contains 0 shows only that these seeds
 * cannot tell the two apart, not that they are equally good.
 *
 * @param reference the reference variant's key
 * @param referenceEndPoint its end-point interval over the study's seeds; empty with fewer than two
 * @param series one per swept kind, in the study's order
 * @param level the coverage of every interval
 */
public record Sweep(String reference, Optional<MeanInterval> referenceEndPoint, List<Series> series, double level) {

    /**
     * One point of a series.
     *
     * @param variant the variant's key
     * @param value the swept parameter's value
     * @param seminar whether the value is the kind's default, the seminar's choice
     * @param endPoint the mean end-point over seeds with its t interval; empty with fewer than two finished seeds
     * @param versusReference the paired interval of the end-point minus the reference's
     */
    public record Point(String variant, double value, boolean seminar, Optional<MeanInterval> endPoint,
            Optional<MeanInterval> versusReference) {
    }

    /**
     * The points of one kind, in ascending parameter value.
     *
     * @param kind the kind's name
     * @param parameter the swept parameter's name
     * @param meaning what the parameter is, e.g. "the probability of dropping a unit (PyTorch's p)"
     * @param points the measured points
     * @param best the variant key of the point with the highest mean end-point; empty without any
     * @param bestVersusSeminar the paired interval of the best point's end-point minus the seminar's value's;
     *     empty if either is missing or they are the same point
     */
    public record Series(String kind, String parameter, String meaning, List<Point> points, Optional<String> best,
            Optional<MeanInterval> bestVersusSeminar) {

        /** The point of {@code variant}. @throws java.util.NoSuchElementException if it has none */
        public Point point(String variant) {
            return points.stream().filter(p -> p.variant().equals(variant)).findFirst().orElseThrow();
        }
    }

    /**
     * The sweep over {@code variants}: every kind other than the reference's with variants that differ in exactly
     * one parameter is a series.
     *
     * @throws IllegalArgumentException if the variants of a swept kind differ in more than one parameter
     */
    public static Sweep of(List<Variant> variants, Variant reference, StudyRuns runs, double level) {
        Map<Long, Double> ref = runs.bySeed(reference, r -> EndPoint.testAccuracy(r.history()));
        Map<VariantKind, List<Variant>> byKind = new LinkedHashMap<>();
        variants.stream().filter(v -> !v.equals(reference)).forEach(v -> byKind.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(v));
        List<Series> series = new ArrayList<>();
        for (Map.Entry<VariantKind, List<Variant>> e : byKind.entrySet()) {
            Parameter swept = swept(e.getKey(), e.getValue());
            Map<String, Map<Long, Double>> values = new LinkedHashMap<>();
            List<Point> points = new ArrayList<>();
            for (Variant v : e.getValue().stream().sorted(Comparator.comparingDouble(v -> v.value(swept.name()))).toList()) {
                Map<Long, Double> y = runs.bySeed(v, r -> EndPoint.testAccuracy(r.history()));
                if (y.isEmpty()) {
                    continue;
                }
                values.put(v.key(), y);
                points.add(new Point(v.key(), v.value(swept.name()), v.equals(e.getKey().defaults()),
                        MeanInterval.of(y.values().stream().mapToDouble(Double::doubleValue).toArray(), level),
                        PairedSample.of(y, ref).interval(level)));
            }
            Optional<String> best = points.stream().filter(p -> p.endPoint().isPresent())
                    .max(Comparator.comparingDouble(p -> p.endPoint().get().mean())).map(Point::variant);
            String seminar = e.getKey().defaults().key();
            Optional<MeanInterval> bestVersusSeminar = best.filter(b -> !b.equals(seminar) && values.containsKey(seminar))
                    .flatMap(b -> PairedSample.of(values.get(b), values.get(seminar)).interval(level));
            series.add(new Series(e.getKey().name(), swept.name(), swept.meaning(), List.copyOf(points), best,
                    bestVersusSeminar));
        }
        return new Sweep(reference.key(), MeanInterval.of(ref.values().stream().mapToDouble(Double::doubleValue).toArray(),
                level), List.copyOf(series), level);
    }

    /** The one parameter in which the variants of {@code kind} differ (the first parameter if they do not). */
    private static Parameter swept(VariantKind kind, List<Variant> variants) {
        List<Parameter> varying = kind.parameters().stream()
                .filter(p -> variants.stream().map(v -> v.value(p.name())).distinct().count() > 1).toList();
        if (varying.size() > 1) {
            throw new IllegalArgumentException("a sweep varies one parameter per kind; the " + kind.name()
                    + " variants differ in " + varying.stream().map(Parameter::name).toList());
        }
        return varying.isEmpty() ? kind.parameters().get(0) : varying.get(0);
    }
}
