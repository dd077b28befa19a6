package org.convergence4j.report;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownTemplateTest {

    @Test
    void everyNotebookTemplateLoadsAndHasFixedProse() {
        for (String name : NotebookWriter.NOTEBOOKS) {
            MarkdownTemplate template = MarkdownTemplate.load(name);
            assertTrue(template.literals().get(0).startsWith("# Part "), name);
        }
    }

    @Test
    void aMissingOrUnusedValueIsAnError() {
        MarkdownTemplate template = MarkdownTemplate.load("Part2-dropout.md");
        assertThrows(IllegalArgumentException.class, () -> template.render(Map.of()));
        Map<String, String> values = new HashMap<>();
        for (String key : new String[] {"command", "command_all", "status", "configuration", "figures", "table", "pairs",
            "conclusions", "dropconnect"}) {
            values.put(key, key);
        }
        assertTrue(template.render(values).contains("\ndropconnect\n"));
        values.put("typo", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> template.render(values));
        assertTrue(e.getMessage().contains("typo"), e.getMessage());
    }

    @Test
    void anUnknownTemplateSaysHowToFixIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MarkdownTemplate.load("Part9.md"));
        assertTrue(e.getMessage().contains("mvn compile"), e.getMessage());
    }
}
