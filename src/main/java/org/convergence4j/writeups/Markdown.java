package org.convergence4j.writeups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Small Markdown builders for the notebooks. */
final class Markdown {

    private Markdown() {
    }

    /** A pipe table; cells must not contain {@code |} or line breaks. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder md = new StringBuilder(row(header));
        md.append(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> md.append(row(r)));
        return md.toString();
    }

    /**
     * A figure that may not have been generated yet.
     *
     * @param file the PNG
     * @param caption its alt text and caption
     */
    record Figure(Path file, String caption) {
    }

    /** The figures whose files exist, as images linked relative to the notebook; a note if none does. */
    static String figures(Path notebookDir, List<Figure> figures) {
        List<String> images = figures.stream().filter(f -> Files.exists(f.file()))
                .map(f -> "![" + f.caption() + "](" + relative(notebookDir, f.file()) + ")\n\n*" + f.caption() + "*")
                .toList();
        return images.isEmpty() ? "*No figures yet.*" : String.join("\n\n", images);
    }

    /** A code span. */
    static String code(String text) {
        return "`" + text + "`";
    }

    /** A bulleted list, one item per line. */
    static String bullets(List<String> items) {
        return items.stream().map(i -> "- " + i).collect(Collectors.joining("\n"));
    }

    /** {@code file} relative to {@code dir}, forward slashes. */
    static String relative(Path dir, Path file) {
        return dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
