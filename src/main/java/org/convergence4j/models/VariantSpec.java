package org.convergence4j.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses variants written as text, e.g. {@code Baseline,Dropout(drop=0.5),DropConnect(keep=0.6)}: a comma-separated
 * list of registry names ({@link Variants#kind}, case-insensitive), each optionally followed by
 * {@code (name=value,...)}; commas inside parentheses belong to the variant, spaces are ignored. A parameter left out
 * keeps its default, so {@code Dropout} and {@code Dropout(drop=0.3)} are the same variant.
 */
public final class VariantSpec {

    private VariantSpec() {
    }

    /**
     * The variants of {@code text}, in its order.
     *
     * @throws IllegalArgumentException in one line: what is wrong, and the known variants with their parameters
     */
    public static List<Variant> parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("no variant given");
        }
        List<Variant> variants = new ArrayList<>();
        for (String item : split(text)) {
            Variant v = variant(item.strip());
            if (variants.contains(v)) {
                throw invalid(v.key() + " is given twice");
            }
            variants.add(v);
        }
        return List.copyOf(variants);
    }

    /** The items of the list: commas at parenthesis depth 0 separate them. */
    private static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
                if (depth > 1) {
                    throw invalid("nested parentheses in '" + text + "'");
                }
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw invalid("')' without '(' in '" + text + "'");
                }
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw invalid("'(' without ')' in '" + text + "'");
        }
        items.add(text.substring(start));
        return items;
    }

    private static Variant variant(String item) {
        if (item.isEmpty()) {
            throw invalid("an empty variant (two commas in a row, or one at an end)");
        }
        int open = item.indexOf('(');
        String name = (open < 0 ? item : item.substring(0, open)).strip();
        VariantKind kind = Variants.kind(name).orElseThrow(() -> invalid("unknown variant '" + name + "'"));
        if (open < 0) {
            return kind.defaults();
        }
        if (!item.endsWith(")")) {
            throw invalid("text after ')' in '" + item + "'");
        }
        String inside = item.substring(open + 1, item.length() - 1).strip();
        Map<String, Double> values = new LinkedHashMap<>();
        if (!inside.isEmpty()) {
            for (String assignment : inside.split(",", -1)) {
                int eq = assignment.indexOf('=');
                if (eq < 0) {
                    throw invalid("'" + assignment.strip() + "' in '" + item + "' is not name=value");
                }
                String key = assignment.substring(0, eq).strip();
                Parameter p = kind.parameter(key).orElseThrow(() -> invalid(kind.name() + " has no parameter '" + key
                        + "' (it has " + (kind.parameters().isEmpty() ? "none" : kind.usage()) + ")"));
                if (values.containsKey(key)) {
                    throw invalid(key + " is given twice in '" + item + "'");
                }
                try {
                    values.put(key, p.parse(assignment.substring(eq + 1)));
                } catch (IllegalArgumentException e) {
                    throw invalid(kind.name() + ": " + e.getMessage());
                }
            }
        }
        return kind.with(values);
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(problem + "; known variants: " + Variants.usage());
    }
}
