package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.convergence4j.claims.ClaimVerdict;
import org.convergence4j.claims.Sentence;
import org.convergence4j.claims.SentenceVerdict;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.statistics.Verdict;
import org.convergence4j.study.Study;
import org.convergence4j.study.StudyReport;
import org.convergence4j.train.TrainingSettings;

/**
 * The write-up of studies of new evidence: every claim of Parts 2–4 judged by each study (the models as the notebook
 * ran them, another dataset, other learning rates) beside the reproduction's verdict (Part 4), in tables whose rows
 * are the notebook's sentences and their claims; then each study's variants, readings and figure. A claim is
 * matched across studies by its sentence and its place in it, since its variants' names differ (DropConnect,
 * DropConnect(hidden=0)).
 *
 * <p>Two tables: {@code side_by_side}, the reproduction beside this write-up's own studies, and
 * {@code side_by_side_all}, beside every study of new evidence in the command, with, where some of them differ from
 * the reproduction only in Adam's learning rate, a last column saying whether each verdict is the same at every
 * rate. That column combines nothing: the plan judges each rate as its own study, and the column names which
 * rates give which verdict where they differ.
 */
final class EvidenceNotebook {

    private final Map<Study, StudyReport> own;
    private final Map<Study, StudyReport> all;
    private final Optional<Map.Entry<Study, StudyReport>> reproduction;
    private final ResultsLayout layout;

    /**
     * @param own the studies of this write-up with their reports, in order
     * @param all every study of new evidence in the command with its report, in order ({@code own} among them)
     * @param reproduction Part 4 and its report, the verdicts as intended at the seminar's settings, if in the command
     */
    EvidenceNotebook(Map<Study, StudyReport> own, Map<Study, StudyReport> all,
            Optional<Map.Entry<Study, StudyReport>> reproduction, ResultsLayout layout) {
        this.own = own;
        this.all = all;
        this.reproduction = reproduction;
        this.layout = layout;
    }

    /** The template values. */
    Map<String, Supplier<String>> values() {
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put("studies", this::studies);
        values.put("side_by_side", () -> sideBySide(own, false));
        values.put("side_by_side_all", () -> sideBySide(all, true));
        values.put("per_study", this::perStudy);
        values.put("other_writeups", this::otherWriteups);
        return values;
    }

    /** One line per study: what it changes, its runs, and how many have finished. */
    private String studies() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Study, StudyReport> e : own.entrySet()) {
            Study s = e.getKey();
            long finished = e.getValue().comparison().variants().stream().mapToLong(v -> v.finishedSeeds().size())
                    .sum();
            lines.add("**" + s.name() + "**: " + settings(s.training()) + "; "
                    + String.join(", ", s.variants().stream().map(v -> v.key()).toList()) + "; seeds "
                    + s.seeds().get(0) + "–" + s.seeds().get(s.seeds().size() - 1) + "; " + finished + " of "
                    + s.variants().size() * s.seeds().size() + " runs finished.");
        }
        return lines.isEmpty() ? "*No study of new evidence in this command.*" : Markdown.bullets(lines);
    }

    private static String settings(TrainingSettings t) {
        return t.dataset() + ", " + t.epochs() + " epochs, Adam " + Numbers.plain(t.learningRate()) + ", batch "
                + t.batchSize();
    }

    /** The reproduction's dataset and Adam's rate, as its column and its dashed intervals are named. */
    private static String datasetAndRate(TrainingSettings t) {
        return t.dataset() + ", Adam " + Numbers.plain(t.learningRate());
    }

    /** Links to the write-ups of the command's other studies of new evidence, or nothing. */
    private String otherWriteups() {
        List<String> links = all.keySet().stream().filter(s -> !own.containsKey(s)).map(Study::writeup).distinct()
                .map(w -> "[" + w + ".md](" + w + ".md)").toList();
        return links.isEmpty() ? "" : "Written up on their own: " + String.join(", ", links) + ".";
    }

    /**
     * The table: per sentence a row with each study's verdict on it, then per claim (its place in the sentence) a
     * row with each study's verdict and its variants where they are not the reproduction's; if {@code byRate} and
     * some studies differ from the reproduction only in the learning rate, a last column over those rates.
     */
    private String sideBySide(Map<Study, StudyReport> studies, boolean byRate) {
        List<String> header = new ArrayList<>(List.of("notebook", "sentence or claim"));
        List<StudyReport> columns = new ArrayList<>();
        reproduction.ifPresent(r -> {
            header.add("as intended (Part 4: " + datasetAndRate(r.getKey().training()) + ")");
            columns.add(r.getValue());
        });
        studies.forEach((s, r) -> {
            header.add(s.name());
            columns.add(r);
        });
        Map<Double, StudyReport> rates = byRate ? rates(studies) : Map.of();
        if (!rates.isEmpty()) {
            header.add("the same at every rate? (Adam " + rates.keySet().stream().map(Numbers::plain)
                    .collect(Collectors.joining(", ")) + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Sentence sentence : Sentence.values()) {
            List<Optional<SentenceVerdict>> cells = columns.stream().map(r -> sentenceVerdict(r, sentence)).toList();
            if (cells.stream().skip(reproduction.isPresent() ? 1 : 0).allMatch(Optional::isEmpty)) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(sentence.section(), "*" + sentence.text() + "*"));
            cells.forEach(c -> row.add(c.map(v -> "**" + v.verdict().text(v.seeds()) + "**").orElse("—")));
            if (!rates.isEmpty()) {
                row.add("**" + acrossRates(rates, r -> sentenceVerdict(r, sentence)
                        .map(v -> new Judged(v.verdict(), v.seeds()))) + "**");
            }
            rows.add(row);
            int claims = cells.stream().flatMap(Optional::stream).mapToInt(v -> v.claims().size()).max().orElse(0);
            for (int k = 0; k < claims; k++) {
                int index = k;
                List<Optional<ClaimVerdict>> claim = cells.stream().map(c -> claimVerdict(c, index)).toList();
                String name = claim.stream().flatMap(Optional::stream).findFirst().map(ClaimVerdict::claim).orElse("");
                List<String> claimRow = new ArrayList<>(List.of("", name));
                claim.forEach(c -> claimRow.add(c.map(v -> (v.claim().equals(name) ? "" : v.claim() + ": ")
                        + v.verdictText()).orElse("—")));
                if (!rates.isEmpty()) {
                    claimRow.add(acrossRates(rates, r -> claimVerdict(sentenceVerdict(r, sentence), index)
                            .map(v -> new Judged(v.verdict(), v.seeds()))));
                }
                rows.add(claimRow);
            }
        }
        return rows.isEmpty() ? "*No verdicts yet.*" : Markdown.table(header, rows);
    }

    /** The study's verdict on {@code sentence}, if it judges it on runs (none when it has no runs yet). */
    private static Optional<SentenceVerdict> sentenceVerdict(StudyReport report, Sentence sentence) {
        return report.judgement().sentences().stream().filter(v -> v.sentence().equals(sentence.text()) && v.seeds() > 0)
                .findFirst();
    }

    /** The claim at {@code index} of a sentence's verdict, if it is judged on runs. */
    private static Optional<ClaimVerdict> claimVerdict(Optional<SentenceVerdict> sentence, int index) {
        return sentence.filter(v -> v.claims().size() > index).map(v -> v.claims().get(index)).filter(c -> c.seeds() > 0);
    }

    /**
     * The reproduction and the studies of {@code studies} that differ from it only in Adam's learning rate, by rate
     * in increasing order; empty when there are none such or no reproduction.
     */
    private Map<Double, StudyReport> rates(Map<Study, StudyReport> studies) {
        if (reproduction.isEmpty()) {
            return Map.of();
        }
        Study intended = reproduction.get().getKey();
        TrainingSettings reference = intended.training();
        Map<Double, StudyReport> byRate = new TreeMap<>();
        studies.forEach((s, r) -> {
            boolean sameOtherwise = s.training().withLearningRate(reference.learningRate()).equals(reference)
                    && intended.variants().containsAll(s.variants());
            if (sameOtherwise && s.training().learningRate() != reference.learningRate()) {
                byRate.put(s.training().learningRate(), r);
            }
        });
        if (!byRate.isEmpty()) {
            byRate.put(reference.learningRate(), reproduction.get().getValue());
        }
        return byRate;
    }

    /** A verdict with the seeds behind it. */
    private record Judged(Verdict verdict, int seeds) {
    }

    /**
     * "supported at every rate" when every rate gives one verdict, else each verdict with its rates, e.g.
     * "supported (0.001, 0.003); not resolved (0.0003 at n = 5)"; a dash where no rate judges it.
     */
    private static String acrossRates(Map<Double, StudyReport> rates, Function<StudyReport, Optional<Judged>> of) {
        Map<Verdict, List<String>> byVerdict = new LinkedHashMap<>();
        rates.forEach((rate, report) -> of.apply(report).ifPresent(j -> byVerdict.computeIfAbsent(j.verdict(),
                v -> new ArrayList<>()).add(Numbers.plain(rate) + (j.verdict() == Verdict.NOT_RESOLVED
                        ? " at n = " + j.seeds() : ""))));
        if (byVerdict.isEmpty()) {
            return "—";
        }
        if (byVerdict.size() == 1 && byVerdict.values().iterator().next().size() == rates.size()) {
            return label(byVerdict.keySet().iterator().next()) + " at every rate";
        }
        return byVerdict.entrySet().stream().map(e -> label(e.getKey()) + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    private static String label(Verdict verdict) {
        return verdict == Verdict.NOT_RESOLVED ? "not resolved" : verdict.text(0);
    }

    /** Per study: its variants' table, its headline, its readings and its figure; or that it has no runs yet. */
    private String perStudy() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Study, StudyReport> e : own.entrySet()) {
            Study s = e.getKey();
            if (e.getValue().comparison().variants().isEmpty()) {
                parts.add("### " + s.name() + "\n\n*No runs yet.*");
                continue;
            }
            Verdicts verdicts = new Verdicts(e.getValue().judgement());
            String caption = s.name() + ": every reading against its region" + reproduction.map(r -> ", and beneath "
                    + "it, dashed, the same reading in " + r.getKey().name() + " as intended ("
                    + datasetAndRate(r.getKey().training()) + ")").orElse("")
                    + "; the gap relative to the Baseline's; the curves";
            parts.add("### " + s.name() + "\n\n" + new TrainingNotebook(s, e.getValue()).variantTable(false).strip()
                    + "\n\n" + verdicts.headline() + "\n\n" + verdicts.table().strip() + "\n\n" + Markdown.figures(
                            layout.notebooks(), List.of(new Markdown.Figure(layout.verdictsFigure(s.folder()),
                                    caption))).strip());
        }
        return String.join("\n\n", parts);
    }
}
