package dev.ccbridge.core.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON Lines form of a request record, for every export ({@code serve --request-log},
 * {@code ccbridge log export}, the app's Export) and for reading one back ({@code ccbridge log
 * import}). docs/request-log.md describes it field by field. Bodies and error messages are
 * redacted; a body is embedded as JSON when it is JSON and fits {@code maxBodyChars}, else as
 * text cut to that size. The reader also takes the shapes older versions wrote.
 */
public final class RequestJsonl {
    public static final int DEFAULT_MAX_BODY_CHARS = 256 * 1024;

    private final Redactor redactor;
    private final int maxBodyChars;

    public RequestJsonl(Redactor redactor, int maxBodyChars) {
        this.redactor = redactor;
        this.maxBodyChars = maxBodyChars;
    }

    public RequestJsonl(Redactor redactor) {
        this(redactor, DEFAULT_MAX_BODY_CHARS);
    }

    /** Writes each record as one line; returns how many. */
    public int write(Iterable<RequestRecord> records, Writer out) throws IOException {
        int count = 0;
        for (RequestRecord record : records) {
            out.write(line(record));
            out.write('\n');
            count++;
        }
        out.flush();
        return count;
    }

    /** One record as one line of JSON (without the line break). */
    public String line(RequestRecord r) {
        ObjectNode json = Json.object();
        json.put("id", r.id());
        json.put("startedAt", r.startedAt().toString());
        RequestRecord.Routing routing = r.routing();
        putText(json, "target", routing.targetId());
        putText(json, "targetName", routing.targetName());
        putText(json, "apiMode", routing.apiMode());
        json.put("route", routing.addressed().wireName());
        putText(json, "requestedModel", routing.requestedModel());
        putText(json, "upstreamModel", routing.upstreamModel());
        putText(json, "routedBy", routing.routedBy());
        json.put("stream", r.stream());
        r.ending().ifPresent(ended -> {
            json.put("status", ended.status());
            if (ended.failure() != null) {
                putText(json, "errorType", ended.failure().type());
                putText(json, "errorMessage", redactor.redact(ended.failure().message()));
            }
        });
        r.completion().ifPresent(done -> {
            if (done.firstTokenMillis() != null) {
                json.put("firstTokenMillis", done.firstTokenMillis());
            }
            json.put("durationMillis", done.durationMillis());
            if (done.usage() != null) {
                json.set("usage", Json.WIRE.valueToTree(done.usage()));
            }
            if (done.costUsd() != null) {
                json.put("costUsd", done.costUsd());
            }
        });
        r.rejection().ifPresent(rejected -> {
            ObjectNode node = json.putObject("rejected");
            node.put("reason", rejected.reason().wireName());
            putText(node, "client", redactor.redact(rejected.client()));
            putText(node, "endpoint", redactor.redact(rejected.endpoint()));
            node.put("count", rejected.count());
            node.put("lastAt", rejected.lastAt().toString());
        });
        if (!r.attempts().isEmpty()) {
            ArrayNode attempts = json.putArray("attempts");
            for (RequestRecord.Attempt attempt : r.attempts()) {
                ObjectNode a = attempts.addObject().put("target", attempt.targetId()).put("status", attempt.status())
                        .put("millis", attempt.millis());
                putText(a, "error", redactor.redact(attempt.error()));
            }
        }
        putBody(json, "request", r.requestBody() == null ? null : new String(r.requestBody(), StandardCharsets.UTF_8));
        putBody(json, "response", r.responseBody());
        return Json.write(json);
    }

    private void putBody(ObjectNode json, String field, String body) {
        if (body == null) {
            return;
        }
        JsonNode parsed = Json.parseOrNull(body);
        if (parsed != null && parsed.isContainerNode()) {
            JsonNode redacted = redactor.redact(parsed);
            String text = Json.write(redacted);
            if (text.length() <= maxBodyChars) {
                json.set(field, redacted);
                return;
            }
            json.put(field, cut(text));
            return;
        }
        json.put(field, cut(redactor.redact(body)));
    }

    private String cut(String text) {
        return text.length() <= maxBodyChars ? text
                : text.substring(0, maxBodyChars) + "...(" + (text.length() - maxBodyChars) + " more characters)";
    }

    private static void putText(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    // --- reading back ---

    /**
     * A record from one line of this form, or of the older ones: the app's export ({@code time},
     * {@code targetId} with the name in {@code target}, {@code firstTokenMs}, {@code durationMs},
     * camelCase usage) and the first {@code serve --request-log} (bodies as text).
     *
     * @throws IllegalArgumentException when the line is not a request record
     */
    public static RequestRecord read(String line) {
        JsonNode json = Json.parseOrNull(line);
        if (json == null || !json.isObject() || !json.path("id").isTextual()) {
            throw new IllegalArgumentException("not a request record (a JSON object with an id)");
        }
        boolean oldAppShape = json.has("targetId");
        String targetId = text(json, oldAppShape ? "targetId" : "target");
        String targetName = text(json, oldAppShape ? "target" : "targetName");
        var routing = new RequestRecord.Routing(targetId, targetName, text(json, "apiMode"),
                RequestRecord.Addressed.of(text(json, "route")), text(json, "requestedModel"),
                text(json, "upstreamModel"), text(json, "routedBy"));
        Instant startedAt = instant(json, json.has("startedAt") ? "startedAt" : "time");
        RequestRecord.Failure failure = json.has("errorType") || json.has("errorMessage")
                ? new RequestRecord.Failure(text(json, "errorType"), text(json, "errorMessage")) : null;
        RequestRecord.Outcome outcome = RequestRecord.IN_FLIGHT;
        JsonNode rejected = json.get("rejected");
        if (json.has("status") && rejected != null && rejected.isObject()) {
            outcome = new RequestRecord.Rejected(RejectionReason.of(text(rejected, "reason")),
                    json.path("status").asInt(), failure, text(rejected, "client"), text(rejected, "endpoint"),
                    Math.max(1, rejected.path("count").asInt(1)),
                    rejected.has("lastAt") ? instant(rejected, "lastAt") : startedAt);
        } else if (json.has("status")) {
            outcome = new RequestRecord.Completed(json.path("status").asInt(), failure,
                    number(json, "firstTokenMillis", "firstTokenMs"),
                    orZero(number(json, "durationMillis", "durationMs")),
                    usage(json.get("usage")), cost(json.get("costUsd")));
        }
        String request = body(json.get("request"));
        return new RequestRecord(text(json, "id"), startedAt, routing, json.path("stream").asBoolean(false), outcome,
                request == null ? null : request.getBytes(StandardCharsets.UTF_8), body(json.get("response")),
                attempts(json.get("attempts")));
    }

    private static Usage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        return new Usage(count(usage, "input_tokens", "inputTokens"), count(usage, "output_tokens", "outputTokens"),
                count(usage, "cache_creation_input_tokens", "cacheCreationInputTokens"),
                count(usage, "cache_read_input_tokens", "cacheReadInputTokens"));
    }

    private static Double cost(JsonNode cost) {
        return cost != null && cost.isNumber() && cost.asDouble() >= 0 ? cost.asDouble() : null;
    }

    private static List<RequestRecord.Attempt> attempts(JsonNode attempts) {
        List<RequestRecord.Attempt> out = new ArrayList<>();
        if (attempts != null && attempts.isArray()) {
            for (JsonNode a : attempts) {
                out.add(new RequestRecord.Attempt(text(a, "target"), a.path("status").asInt(), text(a, "error"),
                        a.path("millis").asLong()));
            }
        }
        return out;
    }

    /** A body as written: JSON embedded, or text. */
    private static String body(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : Json.write(node);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long number(JsonNode json, String field, String olderField) {
        JsonNode value = json.has(field) ? json.get(field) : json.get(olderField);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    private static long count(JsonNode json, String field, String olderField) {
        Long value = number(json, field, olderField);
        return value == null ? 0 : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static Instant instant(JsonNode json, String field) {
        try {
            return Instant.parse(json.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a time: '" + json.path(field).asText() + "'");
        }
    }
}
