package dev.ccbridge.app.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** Requests as JSON Lines, one object per request, bodies redacted and capped like the detail pane. */
public final class JsonlExport {
    /** The bodies of a request: kept in the record, or looked up in the history. */
    public record Bodies(String request, String response) {}

    private final BodyFormatter formatter;

    public JsonlExport(BodyFormatter formatter) {
        this.formatter = formatter;
    }

    public int write(List<RequestRecord> records, Function<RequestRecord, Bodies> bodies, Writer out)
            throws IOException {
        for (RequestRecord r : records) {
            out.write(Json.write(line(r, bodies.apply(r))));
            out.write('\n');
        }
        out.flush();
        return records.size();
    }

    ObjectNode line(RequestRecord r, Bodies bodies) {
        ObjectNode node = Json.object();
        node.put("id", r.id());
        node.put("time", r.startedAt().toString());
        RequestRecord.Routing routing = r.routing();
        node.put("targetId", routing.targetId());
        node.put("target", routing.targetName());
        node.put("apiMode", routing.apiMode());
        node.put("route", routing.addressed().wireName());
        node.put("requestedModel", routing.requestedModel());
        node.put("upstreamModel", routing.upstreamModel());
        node.put("stream", r.stream());
        r.completion().ifPresent(done -> {
            node.put("status", done.status());
            putNumber(node, "firstTokenMs", done.firstTokenMillis());
            putNumber(node, "durationMs", done.durationMillis());
            if (done.usage() != null) {
                ObjectNode usage = node.putObject("usage");
                usage.put("inputTokens", done.usage().inputTokens());
                usage.put("outputTokens", done.usage().outputTokens());
                usage.put("cacheCreationInputTokens", done.usage().cacheCreationInputTokens());
                usage.put("cacheReadInputTokens", done.usage().cacheReadInputTokens());
            }
            if (done.failure() != null) {
                node.put("errorType", done.failure().type());
                node.put("errorMessage", formatter.redactedText(done.failure().message()));
            }
        });
        putBody(node, "request", bodies == null ? null : bodies.request());
        putBody(node, "response", bodies == null ? null : bodies.response());
        return node;
    }

    private void putBody(ObjectNode node, String field, String body) {
        if (body == null) {
            return;
        }
        JsonNode json = formatter.redactedJson(body);
        if (json != null && Json.write(json).length() <= BodyFormatter.DEFAULT_CAP) {
            node.set(field, json);
        } else {
            node.put(field, formatter.format(body));
        }
    }

    private static void putNumber(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static String text(byte[] body) {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
