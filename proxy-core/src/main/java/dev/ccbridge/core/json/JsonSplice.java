package dev.ccbridge.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Edits top-level fields of a JSON object in its original bytes: replaced values are written
 * anew, removed fields cut out, and every other byte stays exactly as the client sent it (key
 * order, number spelling, string escapes). Passthrough uses it so a body reaches the upstream as
 * close to Claude Code's own as possible.
 */
public final class JsonSplice {
    private record Field(String name, int keyStart, int valueStart, int valueEnd) {}

    private JsonSplice() {}

    /**
     * @param replacements new values for existing top-level fields (fields not present are ignored)
     * @param removals     top-level fields to drop
     * @return the edited bytes, or empty when the input is not a plain JSON object with unique keys
     */
    public static Optional<byte[]> apply(byte[] json, Map<String, JsonNode> replacements, Set<String> removals) {
        List<Field> fields = fields(json);
        if (fields == null) {
            return Optional.empty();
        }
        if (replacements.isEmpty() && removals.isEmpty()) {
            return Optional.of(json);
        }
        var out = new Spans(json);
        int first = fields.isEmpty() ? json.length : fields.getFirst().keyStart();
        int last = fields.isEmpty() ? json.length : fields.getLast().valueEnd();
        out.keep(0, first);
        // Kept fields are joined by the separator the client used after its first field (often just ",").
        byte[] separator = fields.size() > 1
                ? slice(json, fields.get(0).valueEnd(), fields.get(1).keyStart()) : new byte[] {','};
        boolean written = false;
        int previousEnd = -1;
        for (Field field : fields) {
            if (removals.contains(field.name())) {
                continue;
            }
            if (written) {
                // Between fields that were neighbours, keep the original bytes; else the common separator.
                if (previousEnd >= 0 && adjacent(fields, previousEnd, field)) {
                    out.keep(previousEnd, field.keyStart());
                } else {
                    out.add(separator);
                }
            }
            JsonNode replacement = replacements.get(field.name());
            if (replacement == null) {
                out.keep(field.keyStart(), field.valueEnd());
            } else {
                out.keep(field.keyStart(), field.valueStart());
                out.add(Json.write(replacement).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            written = true;
            previousEnd = field.valueEnd();
        }
        out.keep(last, json.length);
        return Optional.of(out.join());
    }

    /**
     * The output as spans of the input and new bytes, joined once into an array of the exact size:
     * a body of tens of megabytes is copied once, not grown and then copied again.
     */
    private static final class Spans {
        private record Span(byte[] bytes, int from, int to) {}

        private final byte[] input;
        private final List<Span> spans = new ArrayList<>();
        private int length;

        Spans(byte[] input) {
            this.input = input;
        }

        void keep(int from, int to) {
            add(input, from, to);
        }

        void add(byte[] bytes) {
            add(bytes, 0, bytes.length);
        }

        private void add(byte[] bytes, int from, int to) {
            spans.add(new Span(bytes, from, to));
            length += to - from;
        }

        byte[] join() {
            byte[] out = new byte[length];
            int at = 0;
            for (Span span : spans) {
                System.arraycopy(span.bytes, span.from, out, at, span.to - span.from);
                at += span.to - span.from;
            }
            return out;
        }
    }

    private static boolean adjacent(List<Field> fields, int previousEnd, Field next) {
        int index = fields.indexOf(next);
        return index > 0 && fields.get(index - 1).valueEnd() == previousEnd;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }

    /** The top-level fields with their byte spans; null when the text is not one JSON object with unique keys. */
    private static List<Field> fields(byte[] json) {
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (JsonParser parser = Json.WIRE.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                int keyStart = (int) parser.currentTokenLocation().getByteOffset();
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int valueStart = (int) parser.currentTokenLocation().getByteOffset();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else {
                    parser.finishToken();
                }
                int valueEnd = (int) parser.currentLocation().getByteOffset();
                if (!seen.add(name) || keyStart < 0 || valueStart < keyStart || valueEnd < valueStart) {
                    return null;
                }
                fields.add(new Field(name, keyStart, valueStart, valueEnd));
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return fields;
        } catch (IOException e) {
            return null;
        }
    }
}
