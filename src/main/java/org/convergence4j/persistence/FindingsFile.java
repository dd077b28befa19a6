package org.convergence4j.persistence;

import java.nio.file.Path;
import java.util.List;
import org.convergence4j.persistence.Json.JsonFileException;
import org.convergence4j.statistics.Finding;

/**
 * A study's {@code findings.json}: the claims its data judge ({@link Finding}), written and read by the one mapper
 * ({@link Json}).
 *
 * @param note what the fields hold, so that the file explains itself
 * @param findings in the study's order
 */
public record FindingsFile(String note, List<Finding> findings) {

    /** What the fields hold. */
    static final String NOTE = "value: the mean over seeds of the statistic with its t interval [low, high] at the "
            + "given level, in unit (null with fewer than two seeds); hypothesis: the region (low, high) of the true "
            + "value in which the claim holds; verdict: SUPPORTED when the whole interval lies in that region, "
            + "CONTRADICTED when none of it does, NOT_RESOLVED otherwise or without an interval.";

    /** Copies the list. */
    public FindingsFile {
        findings = List.copyOf(findings);
    }

    /** The file's content for {@code findings}. */
    public static FindingsFile of(List<Finding> findings) {
        return new FindingsFile(NOTE, findings);
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws JsonFileException naming the file and field if it is missing or malformed
     */
    public static FindingsFile read(Path file) throws JsonFileException {
        return Json.read(file, FindingsFile.class);
    }

    /** Writes it to {@code file}, atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }
}
