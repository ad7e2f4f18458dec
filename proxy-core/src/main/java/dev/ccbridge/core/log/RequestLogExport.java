package dev.ccbridge.core.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * A request record as one line of JSON (JSONL), for files and exports. Bodies are redacted
 * (the keys the redactor knows, and common key shapes) and cut to {@code maxBodyChars}.
 */
public final class RequestLogExport {
    public static final int DEFAULT_MAX_BODY_CHARS = 64 * 1024;

    private RequestLogExport() {}

    public static String line(RequestRecord r, Redactor redactor, int maxBodyChars) {
        ObjectNode json = Json.object();
        json.put("id", r.id());
        json.put("startedAt", r.startedAt().toString());
        RequestRecord.Routing routing = r.routing();
        json.put("target", routing.targetId());
        json.put("targetName", routing.targetName());
        json.put("apiMode", routing.apiMode());
        json.put("route", routing.addressed().wireName());
        json.put("requestedModel", routing.requestedModel());
        json.put("upstreamModel", routing.upstreamModel());
        if (routing.routedBy() != null) {
            json.put("routedBy", routing.routedBy());
        }
        json.put("stream", r.stream());
        if (r.outcome() instanceof RequestRecord.Completed done) {
            json.put("status", done.status());
            if (done.failure() != null) {
                json.put("errorType", done.failure().type());
                json.put("errorMessage", redactor.redact(done.failure().message()));
            }
            if (done.firstTokenMillis() != null) {
                json.put("firstTokenMillis", done.firstTokenMillis());
            }
            json.put("durationMillis", done.durationMillis());
            if (done.usage() != null) {
                json.set("usage", Json.WIRE.valueToTree(done.usage()));
            }
        }
        if (!r.attempts().isEmpty()) {
            ArrayNode attempts = json.putArray("attempts");
            for (RequestRecord.Attempt attempt : r.attempts()) {
                ObjectNode a = attempts.addObject().put("target", attempt.targetId()).put("status", attempt.status())
                        .put("millis", attempt.millis());
                if (attempt.error() != null) {
                    a.put("error", redactor.redact(attempt.error()));
                }
            }
        }
        if (r.requestBody() != null) {
            json.put("request", cut(redactor.redact(new String(r.requestBody(), StandardCharsets.UTF_8)), maxBodyChars));
        }
        if (r.responseBody() != null) {
            json.put("response", cut(redactor.redact(r.responseBody()), maxBodyChars));
        }
        return Json.write(json);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + (text.length() - max) + " more)";
    }
}
