package org.convergence4j.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the results: records in and out by their component names in snake case
 * ({@code testAccuracy} → {@code test_accuracy}), {@code Optional}s as a value or {@code null}, pretty-printed,
 * non-finite doubles as the strings {@code "NaN"} and {@code "Infinity"}. Reading is strict: a missing or unknown
 * field is an error that names the file and the field.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {
    }

    /** {@code value} as pretty-printed JSON text, ending with a newline. */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Atomically writes {@code value} as JSON to {@code file}. */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, text(value));
    }

    /** {@code value} as a JSON tree, as it would be written. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Reads {@code file} as a {@code type}.
     *
     * @throws JsonFileException naming the file and, for a file of the wrong shape, the field and the problem
     */
    public static <T> T read(Path file, Class<T> type) throws JsonFileException {
        return read(file, type, Set.of());
    }

    /**
     * Reads {@code file} as a {@code type} whose fields {@code addedLater} an older writer did not write: such a field
     * may be missing, and reads as {@code null} (an empty {@code Optional}); every other field must be there.
     *
     * @throws JsonFileException naming the file and, for a file of the wrong shape, the field and the problem
     */
    public static <T> T read(Path file, Class<T> type, Set<String> addedLater) throws JsonFileException {
        try {
            JsonNode tree = MAPPER.readTree(file.toFile());
            if (tree instanceof ObjectNode object) {
                addedLater.forEach(field -> {
                    if (!object.has(field)) {
                        object.putNull(field);
                    }
                });
            }
            T value = tree == null || tree.isMissingNode() ? null : MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw new JsonFileException(file, "is empty (the JSON literal null)");
            }
            return value;
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            String message = firstLine(e.getOriginalMessage());
            String problem = e instanceof UnrecognizedPropertyException ? "is not a field of this file"
                    : message.startsWith("Missing creator property") ? "is missing"
                    : message.replaceAll(" \\(through reference chain.*", "");
            throw new JsonFileException(file, (field.isEmpty() ? "" : "field " + field + " ") + problem);
        } catch (JsonProcessingException e) {
            throw new JsonFileException(file, "is not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (NoSuchFileException e) {
            throw new JsonFileException(file, "does not exist");
        } catch (IOException e) {
            throw new JsonFileException(file, "cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            // A record's compact constructor refused the values.
            throw new JsonFileException(file, "holds values that are not allowed: " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown problem" : message.lines().findFirst().orElse("").strip();
    }

    /** A JSON file that cannot be read as what it should hold; the message names the file. */
    public static final class JsonFileException extends IOException {
        private static final long serialVersionUID = 1L;

        /** The problem with {@code file}. */
        JsonFileException(Path file, String problem) {
            super(file + " " + problem);
        }
    }
}
