package org.convergence4j.writeups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convergence4j.claims.Claim;
import org.convergence4j.claims.InitializationClaims;
import org.convergence4j.claims.Reading;
import org.convergence4j.claims.Sentence;
import org.convergence4j.data.Dataset;
import org.convergence4j.models.Variants;
import org.convergence4j.persistence.ResultsLayout;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisPlanTest {

    /**
     * The plan states every planned study's runs and every reading of every claim with its statistic and region at
     * the study's settings, every depth reading of Part 1, and every sentence of the notebook, from the code.
     */
    @Test
    void thePlanNamesEveryStudyClaimAndReadingWithItsRegion() {
        String plan = AnalysisPlan.text(Studies.PLANNED, List.of());
        for (Study s : Studies.PLANNED) {
            if (!s.trains()) {
                continue;
            }
            assertTrue(plan.contains("## " + s.name() + "\n"), s.name());
            String section = plan.substring(plan.indexOf("## " + s.name() + "\n"));
            for (Claim c : s.claims()) {
                for (Reading r : c.readings()) {
                    assertTrue(section.contains("| " + c.section() + " | " + c.text() + " | " + r.name() + " | "
                            + c.named(r.statistic())), c.text() + " / " + r.name());
                    assertTrue(section.contains(Verdicts.region(r.region().at(s.training()), r.unit())), r.name());
                }
            }
        }
        InitializationClaims.DEPTH.forEach(c -> c.readings().forEach(r -> assertTrue(plan.contains("| "
                + c.contrast().text() + " | " + r.name() + " | " + r.statistic() + " | "), r.name())));
        for (Sentence s : Sentence.values()) {
            assertTrue(plan.contains("| " + s.section() + " | " + s.text() + " |"), s.text());
        }
        AnalysisPlan.HISTORY.forEach(h -> assertTrue(plan.contains(h), h));
    }

    /** The equivalence margin is stated per dataset, and each study's table uses its own dataset's. */
    @Test
    void eachDatasetHasItsOwnMargin() {
        String plan = AnalysisPlan.text(Studies.PLANNED, List.of());
        String fashion = plan.substring(plan.indexOf("## " + Studies.FASHION_MNIST.name() + "\n"));
        fashion = fashion.substring(0, fashion.indexOf("\n## ", 1));
        String margin = Numbers.signed(100 * Dataset.FASHION_MNIST.equivalenceMargin(), "pp");
        assertTrue(fashion.contains(margin.replace("+", "-") + " < mean < " + margin + " pp"), fashion);
        assertFalse(fashion.contains(Numbers.signed(100 * Dataset.MNIST.equivalenceMargin(), "pp") + " pp |"), fashion);
    }

    /** Every section writing the committed results writes the same plan: the reference one, whatever it runs. */
    @Test
    void aReferenceSectionWritesTheWholeReferencePlanAndOtherSettingsAddTheirOwn() throws IOException {
        assertEquals(AnalysisPlan.text(Studies.PLANNED, List.of()), text(AnalysisPlan.of(List.of(Studies.PART2))));
        assertEquals(text(AnalysisPlan.of(Studies.SEMINAR)), text(AnalysisPlan.of(List.of(Studies.PART1))));
        Study custom = Studies.PART3.withVariants(List.of(Variants.LAYERNORM.defaults()));
        String withCustom = text(AnalysisPlan.of(List.of(custom)));
        assertTrue(withCustom.startsWith(AnalysisPlan.text(Studies.PLANNED, List.of()).split("## The notebook's sentences")[0]));
        assertTrue(withCustom.contains("## Part 3 (this folder's settings, not the reference ones)"), withCustom);
        assertFalse(AnalysisPlan.text(Studies.PLANNED, List.of()).contains("this folder's settings"));
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
