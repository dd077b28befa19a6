package org.convergence4j.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Verdict;

/**
 * A claim judged: each of its readings as a {@link Finding} (corrected for multiplicity over its study's readings),
 * and the verdict they give together ({@link Verdict#combine}).
 *
 * @param section where the notebook draws it
 * @param claim the claim with its variants named
 * @param readings its readings judged, in the claim's order
 * @param verdict the combined verdict of the corrected readings: the primary one
 * @param unadjusted the combined verdict of the readings before the correction
 */
public record ClaimVerdict(String section, String claim, List<Finding> readings, Verdict verdict,
        Verdict unadjusted) {

    /** Copies the list. */
    public ClaimVerdict {
        readings = List.copyOf(readings);
    }

    /** The claim of {@code readings}, all of one claim, with their combined verdicts. */
    public static ClaimVerdict of(String section, String claim, List<Finding> readings) {
        return new ClaimVerdict(section, claim, readings,
                Verdict.combine(readings.stream().map(Finding::verdict).toList()),
                Verdict.combine(readings.stream().map(Finding::unadjusted).toList()));
    }

    /** The fewest seeds any judged reading has (the n of "not resolved at n"). */
    public int seeds() {
        return readings.stream().filter(f -> f.value().isPresent()).mapToInt(Finding::seeds).min().orElse(0);
    }

    /**
     * The verdict in words; where it depends on the reading, which reading says what, e.g. "depends on the reading:
     * contradicted (at the end-point); supported (over the whole curve, by test NLL)".
     */
    public String verdictText() {
        String text = verdict.text(seeds());
        if (verdict == Verdict.DEPENDS_ON_READING) {
            text += ": " + readings.stream().filter(f -> f.verdict() != Verdict.NOT_APPLICABLE)
                    .collect(Collectors.groupingBy(f -> f.verdict().text(f.seeds()),
                            LinkedHashMap::new, Collectors.mapping(Finding::reading,
                                    Collectors.joining(", "))))
                    .entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "));
        }
        return text + (verdict != unadjusted ? " (" + unadjusted.text(seeds()) + " before Holm's correction)" : "");
    }
}
