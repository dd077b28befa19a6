package org.convergence4j.claims;

import java.util.List;
import org.convergence4j.statistics.Verdict;

/**
 * One sentence of the notebook judged: its claims (one per assertion and variant) and the verdict they give
 * together ({@link Verdict#combine}), what a headline counts.
 *
 * @param section where the notebook writes it
 * @param sentence the sentence ({@link Sentence#text()})
 * @param claims its claims judged, in order
 * @param verdict the combined verdict of its claims
 * @param unadjusted the combined verdict of its claims before Holm's correction
 */
public record SentenceVerdict(String section, String sentence, List<ClaimVerdict> claims, Verdict verdict,
        Verdict unadjusted) {

    /** Copies the list. */
    public SentenceVerdict {
        claims = List.copyOf(claims);
    }

    /** {@code sentence} with its judged {@code claims}. */
    public static SentenceVerdict of(Sentence sentence, List<ClaimVerdict> claims) {
        return new SentenceVerdict(sentence.section(), sentence.text(), claims,
                Verdict.combine(claims.stream().map(ClaimVerdict::verdict).toList()),
                Verdict.combine(claims.stream().map(ClaimVerdict::unadjusted).toList()));
    }

    /** The fewest seeds of its claims. */
    public int seeds() {
        return claims.stream().mapToInt(ClaimVerdict::seeds).filter(n -> n > 0).min().orElse(0);
    }
}
