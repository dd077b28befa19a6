package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.List;
import org.convergence4j.claims.ClaimVerdict;
import org.convergence4j.claims.Judgement;
import org.convergence4j.claims.SentenceVerdict;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.Hypothesis;
import org.convergence4j.statistics.Verdict;

/**
 * The verdict tables and the answer sentences of a write-up, from the study's {@link Judgement} (its
 * {@code verdicts.json}): every number is a reading's value, every verdict the judgement's own.
 */
final class Verdicts {

    private final Judgement judgement;

    Verdicts(Judgement judgement) {
        this.judgement = judgement;
    }

    /** One row per sentence of the notebook: its claims with their verdicts, and the sentence's verdict. */
    String sentenceTable() {
        if (judgement.sentences().isEmpty()) {
            return "*No claim to judge.*";
        }
        List<List<String>> rows = new ArrayList<>();
        for (SentenceVerdict s : judgement.sentences()) {
            rows.add(List.of(s.section(), s.sentence(), String.join("<br>", s.claims().stream()
                    .map(c -> c.claim() + ": " + c.verdictText()).toList()), "**" + sentenceVerdict(s) + "**"));
        }
        return Markdown.table(List.of("notebook", "sentence", "its claims", "verdict"), rows);
    }

    /** One row per reading: claim, reading, statistic, value with interval, the region, the reading's verdict. */
    String table() {
        if (judgement.sentences().isEmpty()) {
            return "*No claim to judge.*";
        }
        List<List<String>> rows = new ArrayList<>();
        for (ClaimVerdict c : judgement.claims()) {
            for (Finding f : c.readings()) {
                rows.add(List.of(f.section(), f.claim(), f.reading(), f.statistic(), value(f),
                        region(f.hypothesis(), f.unit()), f.verdictText()));
            }
        }
        return Markdown.table(List.of("notebook", "claim", "reading", "statistic", "mean [95% interval]",
                "the claim holds if", "verdict"), rows);
    }

    /**
     * Per claim, its verdict in a sentence with each reading's value, e.g. "The notebook's claim (2.3) that Dropout
     * is better than DropConnect: **depends on the reading** (…) — at the end-point +0.01 pp [−0.06, +0.09], not
     * resolved at n = 10; …".
     */
    List<String> sentences() {
        return judgement.claims().stream().map(Verdicts::sentence).toList();
    }

    /**
     * The headline: how many of the notebook's sentences each verdict has, e.g. "Of the notebook's 6 conclusions
     * (its sentences) judged on these runs: 1 supported, 2 contradicted, 3 depend on the reading."
     */
    String headline() {
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            long n = judgement.sentences().stream().filter(s -> s.verdict() == v).count();
            if (n > 0) {
                parts.add(n + " " + (v == Verdict.NOT_RESOLVED ? "not resolved"
                        : v == Verdict.DEPENDS_ON_READING ? (n == 1 ? "depends" : "depend") + " on the reading"
                        : v.text(0)));
            }
        }
        int n = judgement.sentences().size();
        return "Of the notebook's " + n + (n == 1 ? " conclusion" : " conclusions") + " (its sentences) judged on "
                + "these runs: " + String.join(", ", parts) + ".";
    }

    /** Per sentence, its verdict and its claims' verdicts, in the notebook's order. */
    List<String> grouped() {
        return judgement.sentences().stream().map(s -> s.section() + " *" + s.sentence() + "* **" + sentenceVerdict(s)
                + "**: " + String.join("; ", s.claims().stream().map(c -> c.claim() + ", " + c.verdictText())
                        .toList()) + ".").toList();
    }

    private static String sentenceVerdict(SentenceVerdict s) {
        return s.verdict().text(s.seeds()) + (s.verdict() != s.unadjusted() ? " (" + s.unadjusted().text(s.seeds())
                + " before Holm's correction)" : "");
    }

    private static String sentence(ClaimVerdict c) {
        String head = "The notebook's claim (" + c.section() + ") that " + c.claim() + ": **" + c.verdict().text(
                c.seeds()) + "**" + (c.verdict() != c.unadjusted() ? " (" + c.unadjusted().text(c.seeds())
                        + " before Holm's correction)" : "");
        return head + " — " + String.join("; ", c.readings().stream().map(f -> f.reading() + " " + value(f)
                + (f.value().isPresent() ? " (" + f.unit() + ", holds if " + region(f.hypothesis(), f.unit()) + ")"
                        : "") + ", " + f.verdictText()).toList()) + ".";
    }

    /** A reading's mean and interval, e.g. {@code +0.29 [+0.22, +0.36]}; a dash without one. */
    static String value(Finding f) {
        return f.value().map(i -> Numbers.signed(i.mean(), f.unit()) + " [" + Numbers.signed(i.low(), f.unit()) + ", "
                + Numbers.signed(i.high(), f.unit()) + "]").orElse("—");
    }

    /** The region in words, e.g. {@code mean > +0.00 pp} or {@code −0.14 < mean < +0.14 pp}. */
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
}
