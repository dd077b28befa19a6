package org.convergence4j.writeups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.convergence4j.claims.ClaimVerdict;
import org.convergence4j.claims.Sentence;
import org.convergence4j.claims.SentenceVerdict;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.study.Study;
import org.convergence4j.study.StudyReport;
import org.convergence4j.train.TrainingSettings;

/**
 * The write-up of the new evidence: every claim of Parts 2–4 judged by each study of new evidence (the models as
 * the notebook ran them, another dataset, other learning rates) beside the reproduction's verdict (Part 4), in one
 * table whose rows are the notebook's sentences and their claims; then each study's readings and figure. A claim
 * is matched across studies by its sentence and its place in it, since its variants' names differ (DropConnect,
 * DropConnect(hidden=0)).
 */
final class EvidenceNotebook {

    private final Map<Study, StudyReport> evidence;
    private final Optional<StudyReport> reproduction;
    private final ResultsLayout layout;

    /**
     * @param evidence the studies of new evidence of the command with their reports, in order
     * @param reproduction Part 4's report, the verdicts as intended at the seminar's settings, if in the command
     */
    EvidenceNotebook(Map<Study, StudyReport> evidence, Optional<StudyReport> reproduction, ResultsLayout layout) {
        this.evidence = evidence;
        this.reproduction = reproduction;
        this.layout = layout;
    }

    /** The template values. */
    Map<String, Supplier<String>> values() {
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put("studies", this::studies);
        values.put("side_by_side", this::sideBySide);
        values.put("per_study", this::perStudy);
        return values;
    }

    /** One line per study: what it changes, its runs, and how many have finished. */
    private String studies() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Study, StudyReport> e : evidence.entrySet()) {
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

    /**
     * The table: per sentence a row with each study's verdict on it, then per claim (its place in the sentence) a
     * row with each study's verdict and its variants where they are not the reproduction's.
     */
    private String sideBySide() {
        List<String> header = new ArrayList<>(List.of("notebook", "sentence or claim"));
        List<StudyReport> columns = new ArrayList<>();
        reproduction.ifPresent(r -> {
            header.add("as intended (Part 4)");
            columns.add(r);
        });
        evidence.forEach((s, r) -> {
            header.add(s.name());
            columns.add(r);
        });
        List<List<String>> rows = new ArrayList<>();
        for (Sentence sentence : Sentence.values()) {
            List<Optional<SentenceVerdict>> cells = columns.stream().map(r -> r.judgement().sentences().stream()
                    .filter(v -> v.sentence().equals(sentence.text())).findFirst()).toList();
            if (cells.stream().skip(reproduction.isPresent() ? 1 : 0).allMatch(Optional::isEmpty)) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(sentence.section(), "*" + sentence.text() + "*"));
            cells.forEach(c -> row.add(c.map(v -> "**" + v.verdict().text(v.seeds()) + "**").orElse("—")));
            rows.add(row);
            int claims = cells.stream().flatMap(Optional::stream).mapToInt(v -> v.claims().size()).max().orElse(0);
            for (int k = 0; k < claims; k++) {
                int index = k;
                List<Optional<ClaimVerdict>> claim = cells.stream().map(c -> c.filter(v -> v.claims().size() > index)
                        .map(v -> v.claims().get(index))).toList();
                String name = claim.stream().flatMap(Optional::stream).findFirst().map(ClaimVerdict::claim).orElse("");
                List<String> claimRow = new ArrayList<>(List.of("", name));
                claim.forEach(c -> claimRow.add(c.map(v -> (v.claim().equals(name) ? "" : v.claim() + ": ")
                        + v.verdictText()).orElse("—")));
                rows.add(claimRow);
            }
        }
        return rows.isEmpty() ? "*No verdicts yet.*" : Markdown.table(header, rows);
    }

    /** Per study: its headline, its readings and its figure. */
    private String perStudy() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Study, StudyReport> e : evidence.entrySet()) {
            Study s = e.getKey();
            Verdicts verdicts = new Verdicts(e.getValue().judgement());
            parts.add("### " + s.name() + "\n\n" + (e.getValue().judgement().sentences().isEmpty()
                    ? "*No runs yet.*" : verdicts.headline() + "\n\n" + verdicts.table().strip())
                    + "\n\n" + Markdown.figures(layout.notebooks(), List.of(new Markdown.Figure(
                            layout.verdictsFigure(s.folder()), s.name() + ": every reading against its region, the "
                                    + "gap relative to the Baseline's, the curves"))).strip());
        }
        return String.join("\n\n", parts);
    }
}
