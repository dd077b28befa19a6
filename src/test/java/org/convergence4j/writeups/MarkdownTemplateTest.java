package org.convergence4j.writeups;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.convergence4j.study.Studies;
import org.convergence4j.study.Study;
import org.junit.jupiter.api.Test;

class MarkdownTemplateTest {

    @Test
    void everyStudyTemplateLoadsAndHasFixedProse() {
        for (Study s : Studies.SEMINAR) {
            MarkdownTemplate template = MarkdownTemplate.load(s.writeup() + ".md");
            assertTrue(template.literals().get(0).startsWith("# "), s.writeup());
            assertTrue(template.literals().stream().anyMatch(l -> l.contains("## ")), s.writeup() + " has its own sections");
        }
    }

    @Test
    void aPlaceholderWithoutValueIsAnErrorAndUnusedValuesAreNotComputed() {
        MarkdownTemplate template = MarkdownTemplate.load("Part2-dropout.md");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> template.render(Map.of()));
        assertTrue(e.getMessage().contains("Part2-dropout.md") && e.getMessage().contains("{{"), e.getMessage());
        Map<String, Supplier<String>> values = new HashMap<>();
        for (String key : new String[] {"source", "command", "command_all", "status", "configuration", "figures", "table",
            "pairs", "conclusions", "dropconnect", "answer", "design", "verdicts", "end_point", "plan_link", "plan_hash"}) {
            values.put(key, () -> key);
        }
        values.put("batch_dependence", () -> {
            throw new AssertionError("Part 2 has no {{batch_dependence}}: its value must not be computed");
        });
        assertTrue(template.render(values).contains("\ndropconnect\n"));
    }

    @Test
    void anUnknownTemplateSaysHowToFixIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MarkdownTemplate.load("Part9.md"));
        assertTrue(e.getMessage().contains("mvn compile"), e.getMessage());
    }
}
