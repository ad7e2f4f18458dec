package dev.ccbridge.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes key material from anything that may be shown or stored: error messages, provider
 * error bodies, logged request and response bodies. Known secrets are replaced exactly; common
 * key shapes (OpenAI/Anthropic/DeepSeek {@code sk-}, ccbridge {@code ccb_}, AWS, Google, Groq,
 * bearer tokens) by pattern; JSON fields named like credentials are blanked.
 */
public final class Redactor {
    public static final String MASK = "[redacted]";

    /**
     * A key shape, and the texts any match of it starts with: the regex runs only where one of
     * them stands (found by {@link String#indexOf}, which is vectorised), never over a whole body
     * of tens of kilobytes.
     */
    private record Shape(Pattern pattern, List<String> starts) {
        static Shape of(String regex, String... starts) {
            return new Shape(Pattern.compile(regex), List.of(starts));
        }

        /** {@code text} with every match masked; {@code text} itself when nothing matched. */
        String mask(String text) {
            Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            int[] next = new int[starts.size()];
            StringBuilder out = null;
            int copied = 0;
            int from = 0;
            for (int at = nextStart(text, from, next); at >= 0; at = nextStart(text, from, next)) {
                matcher.region(at, text.length());
                if (!matcher.lookingAt()) {
                    from = at + 1;
                    continue;
                }
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, at).append(replacement(matcher));
                copied = matcher.end();
                from = matcher.end();
            }
            return out == null ? text : out.append(text, copied, text.length()).toString();
        }

        /** The first place at or after {@code from} where a start stands; {@code next} keeps each start's. */
        private int nextStart(String text, int from, int[] next) {
            int first = -1;
            for (int i = 0; i < next.length; i++) {
                if (next[i] >= 0 && next[i] < from) {
                    next[i] = text.indexOf(starts.get(i), from);
                } else if (from == 0) {
                    next[i] = text.indexOf(starts.get(i));
                }
                if (next[i] >= 0 && (first < 0 || next[i] < first)) {
                    first = next[i];
                }
            }
            return first;
        }

        /** A bearer token keeps its "Bearer " (it says what was there); any other key is masked whole. */
        private static String replacement(MatchResult match) {
            return match.groupCount() >= 1 && match.group(1) != null
                    && match.group(1).toLowerCase(Locale.ROOT).startsWith("bearer") ? match.group(1) + MASK : MASK;
        }
    }

    private static final List<Shape> KEY_SHAPES = List.of(
            // As HTTP and the docs spell it (a lower-case copy of every body to find any spelling costs more than the rest).
            Shape.of("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}", "Bearer", "bearer", "BEARER"),
            Shape.of("(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_*.-]{12,}", "sk-"),
            Shape.of("(?<![A-Za-z0-9_-])ccb_[A-Za-z0-9_-]{8,}", "ccb_"),
            Shape.of("(?<![A-Za-z0-9])(AKIA|ASIA)[0-9A-Z]{16}", "AKIA", "ASIA"),
            Shape.of("(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{20,}", "AIza"),
            Shape.of("(?<![A-Za-z0-9])(gsk|xai|pplx|csk|nvapi)[-_][A-Za-z0-9_-]{16,}", "gsk", "xai", "pplx", "csk",
                    "nvapi"),
            Shape.of("(?<![A-Za-z0-9])ABSK[A-Za-z0-9+/=]{20,}", "ABSK"));

    private static final Set<String> SECRET_FIELDS = Set.of(
            "api_key", "apikey", "api-key", "x-api-key", "authorization", "access_token", "secret",
            "secret_access_key", "aws_secret_access_key", "session_token", "password", "token");

    /** A credential-named field with a string value, in JSON text: the name and quotes kept, the value blanked. */
    private static final Pattern SECRET_FIELD_VALUE = Pattern.compile("(?i)(\"(?:"
            + String.join("|", SECRET_FIELDS.stream().sorted().map(Pattern::quote).toList())
            + ")\"\\s*:\\s*\")[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+(\")"); // unrolled: no deep recursion on long values

    /** The credential field names by their first letter: most quotes in a body are passed over at one look. */
    private static final Map<Character, List<String>> SECRET_FIELDS_BY_FIRST_LETTER = SECRET_FIELDS.stream()
            .collect(Collectors.groupingBy(field -> field.charAt(0)));

    private final List<String> knownSecrets;
    /** The same, each UTF-8 byte as one character, to match in {@link #redactDocument(byte[])}. */
    private final List<String> knownSecretsAsBytes;

    public Redactor(Collection<String> knownSecrets) {
        this.knownSecrets = knownSecrets.stream().filter(s -> s != null && s.length() >= 4).toList();
        this.knownSecretsAsBytes = this.knownSecrets.stream()
                .map(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList();
    }

    public static Redactor patternsOnly() {
        return new Redactor(List.of());
    }

    /** A scrubber for bytes relayed as they arrive, removing the known secrets (not key shapes: content stays whole). */
    public StreamScrubber streaming() {
        return new StreamScrubber(knownSecrets);
    }

    public String redact(String text) {
        return redact(text, knownSecrets);
    }

    private static String redact(String text, List<String> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        for (Shape shape : KEY_SHAPES) {
            out = shape.mask(out);
        }
        return out;
    }

    /**
     * A redacted copy of a stored body (UTF-8), JSON or not, read as text: what {@link #redact(String)}
     * masks, and the values of fields named like credentials. One pass over the bytes: no parse, and
     * no decoding (the history stores every request's body).
     */
    public byte[] redactDocument(byte[] utf8) {
        // Each byte read as one character (ISO-8859-1: a copy, not a decoding). The key shapes, the
        // field names and the mask are ASCII, and no byte of a multi-byte UTF-8 character is, so
        // what matches here matches in the text, and the result is the text's UTF-8, redacted.
        String bytes = new String(utf8, StandardCharsets.ISO_8859_1);
        String out = redact(bytes, knownSecretsAsBytes);
        if (mentionsSecretField(out)) {
            out = SECRET_FIELD_VALUE.matcher(out).replaceAll(match ->
                    Matcher.quoteReplacement(match.group(1) + MASK + match.group(2)));
        }
        return out == bytes ? utf8 : out.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Whether a quoted name of a credential field (any case) stands in the text: a look at each quote. */
    private static boolean mentionsSecretField(String text) {
        for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', quote + 1)) {
            char first = quote + 1 < text.length() ? Character.toLowerCase(text.charAt(quote + 1)) : 0;
            for (String field : SECRET_FIELDS_BY_FIRST_LETTER.getOrDefault(first, List.of())) {
                int end = quote + 1 + field.length();
                if (end < text.length() && text.charAt(end) == '"'
                        && text.regionMatches(true, quote + 1, field, 0, field.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A stand-in for a failure, for logging: the same stack traces, with every message in the
     * cause chain redacted by key shape (exception messages may quote URLs, headers or bodies).
     */
    public static Throwable scrubbed(Throwable failure) {
        return scrubbed(failure, patternsOnly(), 0);
    }

    private static Throwable scrubbed(Throwable failure, Redactor redactor, int depth) {
        if (failure == null) {
            return null;
        }
        Throwable cause = depth < 16 && failure.getCause() != failure
                ? scrubbed(failure.getCause(), redactor, depth + 1) : null;
        var copy = new ScrubbedException(failure.getClass().getName() + ": "
                + redactor.redact(String.valueOf(failure.getMessage())), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** A logged failure whose message was redacted; its text names the original type. */
    static final class ScrubbedException extends RuntimeException {
        ScrubbedException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** A redacted copy of a JSON tree. */
    public JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        scrub(copy);
        return copy;
    }

    private void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    boolean secretField = SECRET_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT));
                    field.setValue(TextNode.valueOf(secretField ? MASK : redact(field.getValue().asText())));
                } else {
                    scrub(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(redact(array.get(i).asText())));
                } else {
                    scrub(array.get(i));
                }
            }
        }
    }
}
