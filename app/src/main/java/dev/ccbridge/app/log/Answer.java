package dev.ccbridge.app.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.Usage;

/**
 * One answer to a prompt, as the replay view compares them: status, latency, tokens, the text
 * (or the error in words).
 */
public record Answer(String targetName, int status, long millis, Usage usage, String text, String error) {

    public boolean ok() {
        return status == 200 && error == null;
    }

    /**
     * Reads an answer body: a folded Anthropic message, an error envelope, or the start of a
     * relayed event stream.
     */
    public static Answer fromBody(String targetName, int status, long millis, Usage usage, String body) {
        JsonNode json = Json.parseOrNull(body);
        if (json != null && json.has("error")) {
            return new Answer(targetName, status, millis, usage, "", json.path("error").path("message").asText(body));
        }
        if (json != null && json.has("content")) {
            var text = new StringBuilder();
            for (JsonNode block : json.path("content")) {
                if ("text".equals(block.path("type").asText())) {
                    text.append(block.path("text").asText());
                } else if ("tool_use".equals(block.path("type").asText())) {
                    text.append(text.isEmpty() ? "" : "\n").append("[tool call: ").append(block.path("name").asText())
                            .append(' ').append(Json.write(block.path("input"))).append("]\n");
                }
            }
            Usage reported = usage != null ? usage : usageOf(json.path("usage"));
            return new Answer(targetName, status, millis, reported, text.toString(), null);
        }
        if (body != null && body.contains("data:")) {
            return new Answer(targetName, status, millis, usage, textOfStream(body), null);
        }
        return new Answer(targetName, status, millis, usage, "",
                body == null || body.isBlank() ? (status == 200 ? null : "no answer kept") : body);
    }

    private static String textOfStream(String sse) {
        var text = new StringBuilder();
        for (String line : sse.split("\\R")) {
            if (line.startsWith("data:")) {
                JsonNode event = Json.parseOrNull(line.substring(5).strip());
                if (event != null && "text_delta".equals(event.path("delta").path("type").asText())) {
                    text.append(event.path("delta").path("text").asText());
                }
            }
        }
        return text.toString();
    }

    private static Usage usageOf(JsonNode node) {
        if (node == null || node.isMissingNode() || !node.isObject()) {
            return null;
        }
        return new Usage(node.path("input_tokens").asLong(), node.path("output_tokens").asLong(),
                node.path("cache_creation_input_tokens").asLong(), node.path("cache_read_input_tokens").asLong());
    }
}
