package org.convergence4j.study;

import java.util.List;
import java.util.Optional;
import org.convergence4j.claims.Judgement;
import org.convergence4j.persistence.InitStudyFile;
import org.convergence4j.persistence.Json;
import org.convergence4j.persistence.Json.JsonFileException;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.probe.NetSummary;

/**
 * What Part 1 measured at initialization, as one value: per net its std through depth ({@code summary.json}) and
 * the verdict of 1.4 on it ({@code verdicts.json}); Part 1's write-up renders it.
 *
 * @param nets per net, in {@link org.convergence4j.models.InitConfiguration} order
 * @param judgement the verdict of 1.4 at initialization
 */
public record InitializationReport(List<NetSummary> nets, Judgement judgement) {

    /** Copies the list. */
    public InitializationReport {
        nets = List.copyOf(nets);
    }

    /**
     * Part 1's report as its study stored it in {@code folder} of {@code layout}, for a command that does not rerun
     * Part 1; empty when Part 1 has not been run there.
     *
     * @throws JsonFileException naming the file if one is unreadable
     */
    public static Optional<InitializationReport> stored(ResultsLayout layout, String folder) throws JsonFileException {
        if (!layout.initSummary(folder).toFile().exists() || !layout.verdicts(folder).toFile().exists()) {
            return Optional.empty();
        }
        return Optional.of(new InitializationReport(InitStudyFile.read(layout.initSummary(folder)).configurations(),
                Json.read(layout.verdicts(folder), Judgement.class)));
    }
}
