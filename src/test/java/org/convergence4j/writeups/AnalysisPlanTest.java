package org.convergence4j.writeups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence4j.claims.Claim;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisPlanTest {

    /** The plan states every reference study's runs and every claim with its statistic and region, from the code. */
    @Test
    void theReferencePlanNamesEveryStudyAndClaimWithItsRegion() {
        String plan = AnalysisPlan.text(Studies.SEMINAR, List.of());
        for (Study s : Studies.SEMINAR) {
            if (!s.trains()) {
                continue;
            }
            assertTrue(plan.contains("## " + s.name() + "\n"), s.name());
            for (Claim c : s.claims()) {
                assertTrue(plan.contains("| " + c.section() + " | " + c.text() + " | " + c.statisticText()), c.text());
                assertTrue(plan.contains(Verdicts.region(c.hypothesis(), c.unit())), c.text());
            }
        }
        AnalysisPlan.HISTORY.forEach(h -> assertTrue(plan.contains(h), h));
    }

    /** Every section writing the committed results writes the same plan: the reference one, whatever it runs. */
    @Test
    void aReferenceSectionWritesTheWholeReferencePlanAndOtherSettingsAddTheirOwn() throws IOException {
        assertEquals(AnalysisPlan.text(Studies.SEMINAR, List.of()), text(AnalysisPlan.of(List.of(Studies.PART2))));
        assertEquals(text(AnalysisPlan.of(Studies.SEMINAR)), text(AnalysisPlan.of(List.of(Studies.PART1))));
        Study custom = Studies.PART3.withVariants(List.of(Variants.LAYERNORM.defaults()));
        String withCustom = text(AnalysisPlan.of(List.of(custom)));
        assertTrue(withCustom.startsWith(AnalysisPlan.text(Studies.SEMINAR, List.of()).split("## Which choices")[0]));
        assertTrue(withCustom.contains("## Part 3 (this folder's settings, not the reference ones)"), withCustom);
        assertFalse(AnalysisPlan.text(Studies.SEMINAR, List.of()).contains("this folder's settings"));
    }

    /** A write-up cites the plan written beside it by the SHA-256 of that file's bytes. */
    @Test
    void theCitationIsTheHashOfTheFileWritten(@TempDir Path dir) throws IOException {
        ResultsLayout layout = ResultsLayout.of(dir.resolve("out"));
        AnalysisPlan plan = AnalysisPlan.of(Studies.SEMINAR);
        plan.write(layout);
        String written = Files.readString(layout.analysisPlan());
        assertEquals("`" + AnalysisPlan.sha256(written) + "`", plan.hash());
        assertEquals("[analysis-plan.md](../analysis-plan.md)", plan.link(layout));
    }

    private static String text(AnalysisPlan plan) throws IOException {
        Path file = Files.createTempDirectory("plan").resolve("out");
        plan.write(ResultsLayout.of(file));
        return Files.readString(ResultsLayout.of(file).analysisPlan());
    }
}
