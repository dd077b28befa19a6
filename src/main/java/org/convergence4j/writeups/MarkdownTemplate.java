package org.convergence4j.writeups;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown text with {@code {{name}}} placeholders, read from the classpath folder
 * {@code org/convergence4j/writeups/notebooks/}. The fixed prose of a notebook (the seminar's task,
 * the deviations) lives in its template; everything measured goes in through placeholders, so a
 * number written in a template describes the setup, never a result.
 */
final class MarkdownTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_0-9]+)}}");

    private final String name;
    private final String text;

    private MarkdownTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * Loads the template {@code name}, e.g. {@code Part1-initialization.md}.
     *
     * @throws IllegalStateException if the resource is missing from the build
     */
    static MarkdownTemplate load(String name) {
        try (InputStream in = MarkdownTemplate.class.getResourceAsStream("notebooks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template notebooks/" + name + " is missing from the classpath; "
                        + "rebuild with mvn compile");
            }
            return new MarkdownTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The text with every placeholder replaced by its value. The values are a catalogue that several templates
     * share, computed only for the placeholders this template has.
     *
     * @throws IllegalArgumentException naming the template, the placeholder and the known names if a placeholder
     *     has no value (a typo in the template)
     */
    String render(Map<String, Supplier<String>> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Supplier<String> value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + ": no value for {{" + m.group(1)
                        + "}}; known: " + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The fixed text between the placeholders, in order. */
    List<String> literals() {
        return List.of(PLACEHOLDER.split(text, -1));
    }
}
