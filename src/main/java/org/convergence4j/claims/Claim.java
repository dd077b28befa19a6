package org.convergence4j.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.convergence4j.models.Variant;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.StudyRuns;

/**
 * One assertion of a notebook {@link Sentence}, about one or two variants, with the fixed set of {@link Reading}s
 * that test it: each reading takes the assertion to mean one reasonable thing (the end-point, the whole curve, the
 * test loss…), and the claim's verdict combines theirs ({@link ClaimVerdict}).
 *
 * <p>A claim is about kinds (Dropout, DropConnect) and is made on variants of them: {@link #on} makes it on the
 * variants a study trained, so that a command that trains {@code Dropout(drop=0.4)} judges the claim on that
 * variant, never on one it did not train. Its texts name the variants through the placeholders {@value #FIRST} and
 * {@value #SECOND}. A reading may also use a variant the claim does not name (the Baseline, as a reference); it is
 * kept only where that variant was trained.
 *
 * @param sentence the notebook's sentence it is part of
 * @param statement the assertion, e.g. "{first} is better than {second}"
 * @param first the first variant the statement names
 * @param second the second (may be {@code first})
 * @param readings its readings, in the order of the tables
 */
public record Claim(Sentence sentence, String statement, Variant first, Variant second, List<Reading> readings) {

    /** The placeholder of the first variant's text in the statement and the statistics. */
    public static final String FIRST = "{first}";
    /** The placeholder of the second variant's text. */
    public static final String SECOND = "{second}";

    /** Copies the list. @throws IllegalArgumentException without a reading */
    public Claim {
        readings = List.copyOf(readings);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException(statement + ": a claim needs at least one reading");
        }
    }

    /** Where the notebook draws it, e.g. {@code 2.3}. */
    public String section() {
        return sentence.section();
    }

    /** The statement with the variants named, e.g. "Dropout is better than DropConnect". */
    public String text() {
        return named(statement);
    }

    /** {@code template} with the variants named. */
    public String named(String template) {
        return template.replace(FIRST, first.key()).replace(SECOND, second.key());
    }

    /** Whether its statement names its variants through placeholders (Part 1's name theirs in the text). */
    private boolean templated() {
        return statement.contains(FIRST) || statement.contains(SECOND);
    }

    /**
     * The claim made on the variants among {@code trained} of its kinds: one claim per variant of the first kind and
     * of the second (one, when both are the same variant), each with the readings whose other variants were trained;
     * none when a kind has no trained variant. A claim whose statement names its variants itself is kept only when
     * both its variants were trained.
     */
    public List<Claim> on(List<Variant> trained) {
        if (!templated()) {
            return trained.contains(first) && trained.contains(second) ? List.of(this) : List.of();
        }
        List<Claim> claims = new ArrayList<>();
        for (Variant a : ofKind(trained, first)) {
            if (first.equals(second)) {
                with(a, a, trained).ifPresent(claims::add);
                continue;
            }
            ofKind(trained, second).forEach(b -> with(a, b, trained).ifPresent(claims::add));
        }
        return claims;
    }

    /** Why {@link #on} makes no claim on {@code trained}, e.g. "DropConnect was not trained"; empty if it makes one. */
    public Optional<String> whyNotOn(List<Variant> trained) {
        if (!on(trained).isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = Stream.of(first, second).distinct()
                .filter(v -> templated() ? ofKind(trained, v).isEmpty() : !trained.contains(v))
                .map(v -> templated() ? v.kind().name() : v.key()).toList();
        return Optional.of(String.join(" and ", missing) + (missing.size() == 1 ? " was" : " were") + " not trained");
    }

    private static List<Variant> ofKind(List<Variant> trained, Variant v) {
        return trained.stream().filter(t -> t.kind().equals(v.kind())).toList();
    }

    private Optional<Claim> with(Variant a, Variant b, List<Variant> trained) {
        List<Reading> made = readings.stream().map(r -> r.on(bound(r.first(), a, b), bound(r.second(), a, b)))
                .filter(r -> trained.contains(r.first()) && trained.contains(r.second())).toList();
        return made.isEmpty() ? Optional.empty() : Optional.of(new Claim(sentence, statement, a, b, made));
    }

    private Variant bound(Variant v, Variant a, Variant b) {
        return v.equals(first) ? a : v.equals(second) ? b : v;
    }

    /** Every reading judged on {@code runs} at {@code level}, uncorrected, in the order of {@link #readings}. */
    public List<Finding> judge(StudyRuns runs, double level) {
        return readings.stream().map(r -> r.judge(this, runs, level)).toList();
    }
}
