package org.convergence4j.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.convergence4j.statistics.Finding;
import org.convergence4j.statistics.StudyRuns;

/**
 * A study's verdicts on the notebook: per sentence, its claims, per claim its readings. The family of Holm's
 * correction is the study's readings: every reading of every claim enters once ({@link Finding#corrected}).
 *
 * @param sentences the sentences judged, in the notebook's order
 */
public record Judgement(List<SentenceVerdict> sentences) {

    /** Copies the list. */
    public Judgement {
        sentences = List.copyOf(sentences);
    }

    /** No sentence judged. */
    public static final Judgement NONE = new Judgement(List.of());

    /** {@code claims} judged on {@code runs} at {@code level}, corrected over all their readings. */
    public static Judgement of(List<Claim> claims, StudyRuns runs, double level) {
        List<Finding> all = Finding.corrected(claims.stream().flatMap(c -> c.judge(runs, level).stream()).toList());
        Map<Sentence, List<ClaimVerdict>> bySentence = new TreeMap<>();
        int from = 0;
        for (Claim c : claims) {
            int to = from + c.readings().size();
            bySentence.computeIfAbsent(c.sentence(), k -> new ArrayList<>())
                    .add(ClaimVerdict.of(c.section(), c.text(), all.subList(from, to)));
            from = to;
        }
        return new Judgement(bySentence.entrySet().stream().map(e -> SentenceVerdict.of(e.getKey(), e.getValue()))
                .toList());
    }

    /** Every reading judged, in order. */
    public List<Finding> readings() {
        return sentences.stream().flatMap(s -> s.claims().stream()).flatMap(c -> c.readings().stream()).toList();
    }

    /** Every claim judged, in order. */
    public List<ClaimVerdict> claims() {
        return sentences.stream().flatMap(s -> s.claims().stream()).toList();
    }

    /**
     * The reading of {@code reference} that judges what {@code reading}, one of these readings, judges: of the same
     * sentence, of the claim at the same place in it, of the same name. Claims are matched by their place, since their
     * variants' names may differ (DropConnect in one study, DropConnect(hidden=0) in another).
     *
     * @return empty if {@code reference} does not judge it, or {@code reading} is not one of these
     */
    public Optional<Finding> counterpart(Finding reading, Judgement reference) {
        for (SentenceVerdict s : sentences) {
            for (int k = 0; k < s.claims().size(); k++) {
                if (s.claims().get(k).readings().contains(reading)) {
                    int place = k;
                    return reference.sentences.stream().filter(r -> r.sentence().equals(s.sentence())).findFirst()
                            .filter(r -> r.claims().size() > place)
                            .flatMap(r -> r.claims().get(place).readings().stream()
                                    .filter(f -> f.reading().equals(reading.reading())).findFirst());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * These sentences, preceded in the notebook's order by those of {@code earlier} this judgement lacks (Part 4's
     * table of every sentence takes 1.4 from Part 1).
     */
    public Judgement withEarlier(Judgement earlier) {
        Set<String> own = sentences.stream().map(SentenceVerdict::sentence).collect(Collectors.toSet());
        Map<String, SentenceVerdict> merged = new LinkedHashMap<>();
        for (Sentence s : Sentence.values()) {
            earlier.sentences.stream().filter(v -> v.sentence().equals(s.text()) && !own.contains(v.sentence()))
                    .forEach(v -> merged.put(v.sentence(), v));
            sentences.stream().filter(v -> v.sentence().equals(s.text())).forEach(v -> merged.put(v.sentence(), v));
        }
        return new Judgement(List.copyOf(merged.values()));
    }
}
