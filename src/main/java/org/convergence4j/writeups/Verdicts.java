package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.statistics.MeanInterval;
import org.convergence4j.statistics.Verdict;

/**
 * The verdict table and the answer sentences of a write-up, from the study's {@link Finding}s (its
 * {@code verdicts.json}): every number is a finding's value, every verdict the finding's own.
 */
final class Verdicts {

    private final List<Finding> findings;

    Verdicts(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    /** One row per finding: section, claim, statistic, value with interval, the region tested, verdict. */
    String table() {
        if (findings.isEmpty()) {
            return "*No claim to judge.*";
        }
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : findings) {
            rows.add(List.of(f.section(), f.claim(), f.statistic(), value(f), region(f.hypothesis(), f.unit()),
                    "**" + f.verdictText() + "**"));
        }
        return Markdown.table(List.of("notebook", "claim", "statistic", "mean [95% interval]", "the claim holds if",
                "verdict"), rows);
    }

    /**
     * The verdicts in sentences, e.g. "The notebook's claim that Dropout is better than DropConnect is
     * **contradicted**: the paired difference … is −0.12 pp [−0.20, −0.04] over 10 seeds."
     */
    List<String> sentences() {
        return findings.stream().map(Verdicts::sentence).toList();
    }

    /**
     * The claims grouped by verdict, each with its value, e.g. "**Supported** (2): BatchNorm and LayerNorm differ
     * little (+0.03 pp [−0.05, +0.11]); …": the short form of {@link #sentences()} for a table of many claims.
     */
    List<String> grouped() {
        boolean oneSeedCount = findings.stream().mapToInt(Finding::seeds).distinct().count() <= 1;
        List<String> lines = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            List<Finding> with = findings.stream().filter(f -> f.verdict() == v).toList();
            if (!with.isEmpty()) {
                String name = v != Verdict.NOT_RESOLVED ? v.text(0) : oneSeedCount ? v.text(with.get(0).seeds())
                        : "not resolved";
                lines.add("**" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "** (" + with.size() + "): "
                        + String.join("; ", with.stream().map(f -> f.claim() + " (" + f.section() + ", " + value(f)
                                + (oneSeedCount ? "" : seedCount(f)) + (f.unadjusted() != f.verdict() ? "; "
                                        + f.unadjusted().text(f.seeds()) + " before Holm's correction" : "") + ")")
                                .toList()) + ".");
            }
        }
        return lines;
    }

    /** ", n = 10": said per claim when the claims of one list were judged on different numbers of seeds. */
    private static String seedCount(Finding f) {
        return ", n = " + f.seeds();
    }

    /** How many claims each verdict has, e.g. "2 supported, 1 contradicted, 3 not resolved at n = 10". */
    String counts() {
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            List<Finding> with = findings.stream().filter(f -> f.verdict() == v).toList();
            if (!with.isEmpty()) {
                parts.add(with.size() + " " + (v == Verdict.NOT_RESOLVED ? "not resolved" : v.text(0)));
            }
        }
        return String.join(", ", parts);
    }

    private static String sentence(Finding f) {
        String claim = "The notebook's claim (" + f.section() + ") that " + f.claim() + " is **"
                + f.verdictText() + "**";
        if (f.verdict() == Verdict.NOT_APPLICABLE) {
            return claim + ".";
        }
        if (f.value().isEmpty()) {
            return claim + ": fewer than two seeds have finished.";
        }
        MeanInterval i = f.value().get();
        String reason = switch (f.verdict()) {
            case SUPPORTED -> "the whole interval lies where the claim holds";
            case CONTRADICTED -> "no part of the interval lies where the claim holds";
            case NOT_RESOLVED -> "the interval reaches both sides of " + boundaries(f.hypothesis(), f.unit());
            case NOT_APPLICABLE -> throw new IllegalStateException("handled above");
        };
        return claim + " — " + f.statistic() + ": " + value(f) + " over " + i.n() + " seeds; " + reason
                + " (the claim needs " + region(f.hypothesis(), f.unit()) + ").";
    }

    private static String value(Finding f) {
        return f.value().map(i -> Numbers.signed(i.mean(), f.unit()) + " " + f.unit() + " [" + Numbers.signed(i.low(),
                f.unit()) + ", " + Numbers.signed(i.high(), f.unit()) + "]").orElse("—");
    }

    /** The region in words, e.g. {@code θ > 0 pp} or {@code −0.15 < θ < +0.15 pp}. */
    static String region(Hypothesis h, String unit) {
        boolean lowOpen = h.low() == Double.NEGATIVE_INFINITY;
        boolean highOpen = h.high() == Double.POSITIVE_INFINITY;
        if (lowOpen) {
            return ("mean < " + Numbers.signed(h.high(), unit) + " " + unit).strip();
        }
        if (highOpen) {
            return ("mean > " + Numbers.signed(h.low(), unit) + " " + unit).strip();
        }
        return (Numbers.signed(h.low(), unit) + " < mean < " + Numbers.signed(h.high(), unit) + " " + unit).strip();
    }

    private static String boundaries(Hypothesis h, String unit) {
        List<String> ends = new ArrayList<>();
        if (h.low() != Double.NEGATIVE_INFINITY) {
            ends.add(Numbers.signed(h.low(), unit));
        }
        if (h.high() != Double.POSITIVE_INFINITY) {
            ends.add(Numbers.signed(h.high(), unit));
        }
        return String.join(" or ", ends) + " " + unit;
    }
}
