package dev.ccbridge.app.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.Redactor;

/**
 * A request or response body as the detail pane shows it: JSON pretty-printed,
 * keys and tokens redacted, and cut at a size a text area handles without freezing.
 */
public final class BodyFormatter {
    public static final int DEFAULT_CAP = 200_000;

    private final Redactor redactor;
    private final int cap;

    public BodyFormatter(Redactor redactor, int cap) {
        this.redactor = redactor;
        this.cap = cap;
    }

    public static BodyFormatter standard() {
        return new BodyFormatter(Redactor.patternsOnly(), DEFAULT_CAP);
    }

    public String format(String body) {
        if (body == null) {
            return "";
        }
        JsonNode json = Json.parseOrNull(body);
        String shown;
        if (json != null && json.isContainerNode()) {
            try {
                shown = Json.WIRE.writerWithDefaultPrettyPrinter().writeValueAsString(redactor.redact(json));
            } catch (JsonProcessingException e) {
                shown = redactor.redact(body);
            }
        } else {
            shown = redactor.redact(body);
        }
        return capped(shown);
    }

    /** What it redacts with (the export redacts the same). */
    public Redactor redactor() {
        return redactor;
    }

    private String capped(String text) {
        if (text.length() <= cap) {
            return text;
        }
        return text.substring(0, cap) + "\n\n\u2026 " + (text.length() - cap) + " more characters not shown";
    }
}
