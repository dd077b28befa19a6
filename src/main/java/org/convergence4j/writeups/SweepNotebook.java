package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convergence4j.models.Parameter;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.PairwiseComparison.Outcome;
import org.convergence4j.statistics.Sweep;

/**
 * The table and the conclusions of a sweep's write-up, from its {@code sweep.json}: per point the end-point with its
 * interval and the paired difference to the reference; per series the best value, whether it beats the reference,
 * which values are resolved better or worse than the reference,
 * and whether the seminar's value can be told from the best. Differences are judged as in the pairwise
 * comparisons ({@link Outcome}: better, equivalent within the margin, or not resolved).
 */
final class SweepNotebook {

    private final Sweep sweep;
    private final double margin;

    /**
     * @param sweep the sweep written up
     * @param margin the equivalence margin (a fraction)
     */
    SweepNotebook(Sweep sweep, double margin) {
        this.sweep = sweep;
        this.margin = margin;
    }

    /** One row per point, and the reference's row first. */
    String table() {
        if (sweep.series().stream().allMatch(s -> s.points().isEmpty())) {
            return "*No runs yet.*";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("**" + sweep.reference() + "** (reference)", "—", sweep.referenceEndPoint().map(i -> String.valueOf(i.n()))
                .orElse("—"), sweep.referenceEndPoint().map(SweepNotebook::percent).orElse("—"), "—", "—"));
        for (Sweep.Series s : sweep.series()) {
            for (Sweep.Point p : s.points()) {
                rows.add(List.of("**" + s.kind() + "**", s.parameter() + " = " + Parameter.format(p.value())
                        + (p.seminar() ? " *(the seminar's)*" : "") + (s.best().filter(p.variant()::equals).isPresent()
                                ? " **best**" : ""),
                        p.endPoint().map(i -> String.valueOf(i.n())).orElse("—"),
                        p.endPoint().map(SweepNotebook::percent).orElse("—"),
                        p.versusReference().map(SweepNotebook::points).orElse("—"),
                        p.versusReference().map(i -> verdict(Outcome.of(i, margin)))
                                .orElse("—")));
            }
        }
        return Markdown.table(List.of("kind", "value", "seeds", "end-point (%), mean [95% interval]",
                "− " + sweep.reference() + " (pp), paired [95% interval]", "against " + sweep.reference()), rows);
    }

    /** Per series: the best value, its standing against the reference, and the seminar's value against it. */
    List<String> conclusions() {
        List<String> lines = new ArrayList<>();
        for (Sweep.Series s : sweep.series()) {
            if (s.best().isEmpty()) {
                lines.add("**" + s.kind() + "**: no point has two finished seeds yet.");
                continue;
            }
            Sweep.Point best = s.point(s.best().get());
            String text = "**" + s.kind() + "**: the highest mean end-point is at " + s.parameter() + " = "
                    + Parameter.format(best.value()) + ", " + percentWithUnit(best.endPoint().orElseThrow()) + ". ";
            text += best.versusReference().map(i -> switch (Outcome.of(i, margin)) {
                case FIRST_BETTER -> "It beats the " + sweep.reference() + " by " + points(i) + " pp (paired).";
                case SECOND_BETTER -> "Even so it is worse than the " + sweep.reference() + ", by " + points(i) + " pp (paired).";
                case EQUIVALENT -> "It is equivalent to the " + sweep.reference() + " within ±" + Numbers.percent(margin)
                        + " pp (" + points(i) + " pp, paired): no value of " + s.parameter() + " tried beats it.";
                case NOT_RESOLVED, NO_INTERVAL -> "It cannot be told apart from the " + sweep.reference() + " at n = "
                        + i.n() + " (" + points(i) + " pp, paired).";
            }).orElse("");
            Optional<Sweep.Point> seminar = s.points().stream().filter(Sweep.Point::seminar).findFirst();
            if (seminar.isEmpty()) {
                text += " The seminar's value has no run here.";
            } else if (seminar.get() == best) {
                text += " That is the seminar's own choice.";
            } else {
                String choice = " The seminar's " + s.parameter() + " = " + Parameter.format(seminar.get().value());
                text += s.bestVersusSeminar().map(i -> switch (Outcome.of(i, margin)) {
                    case FIRST_BETTER -> choice + " is worse than the best by " + points(i) + " pp (paired): it was not a good choice.";
                    case SECOND_BETTER -> choice + " is better than the best on the seeds both have (" + points(i)
                            + " pp, paired): a good choice.";
                    case EQUIVALENT -> choice + " is as good as the best within ±" + Numbers.percent(margin) + " pp ("
                            + points(i) + " pp, paired): a good choice.";
                    case NOT_RESOLVED, NO_INTERVAL -> choice + " cannot be told apart from the best at n = " + i.n() + " ("
                            + points(i) + " pp, paired): a reasonable choice, not shown to be worse.";
                }).orElse(choice + " cannot be compared with the best: fewer than two seeds in common.");
            }
            lines.add(text + resolvedAgainstReference(s));
        }
        return lines;
    }

    /**
     * The values other than the best whose paired difference to the reference is resolved one way: the best by mean
     * is not always the one whose interval excludes 0, since the interval's width varies from point to point.
     */
    private String resolvedAgainstReference(Sweep.Series s) {
        String text = "";
        for (Outcome side : List.of(Outcome.FIRST_BETTER, Outcome.SECOND_BETTER)) {
            List<String> values = s.points().stream()
                    .filter(p -> s.best().filter(p.variant()::equals).isEmpty())
                    .filter(p -> p.versusReference().filter(i -> Outcome.of(i, margin) == side).isPresent())
                    .map(p -> s.parameter() + " = " + Parameter.format(p.value()) + " (" + points(p.versusReference().get())
                            + " pp)")
                    .toList();
            if (!values.isEmpty()) {
                text += " " + (side == Outcome.FIRST_BETTER ? "Better" : "Worse") + " than the " + sweep.reference()
                        + " (paired interval excluding 0): " + String.join(", ", values) + ".";
            }
        }
        return text;
    }

    private static String verdict(Outcome o) {
        return switch (o) {
            case FIRST_BETTER -> "better";
            case SECOND_BETTER -> "worse";
            case EQUIVALENT -> "equivalent within the margin";
            case NOT_RESOLVED, NO_INTERVAL -> "not resolved";
        };
    }

    private static String percent(MeanInterval i) {
        return Numbers.percent(i.mean()) + " [" + Numbers.percent(i.low()) + ", " + Numbers.percent(i.high()) + "]";
    }

    private static String percentWithUnit(MeanInterval i) {
        return Numbers.percent(i.mean()) + "% [" + Numbers.percent(i.low()) + ", " + Numbers.percent(i.high()) + "]";
    }

    private static String points(MeanInterval i) {
        return Numbers.points(i.mean()) + " [" + Numbers.points(i.low()) + ", " + Numbers.points(i.high()) + "]";
    }
}
