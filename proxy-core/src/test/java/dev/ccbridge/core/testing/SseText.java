package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.sse.SseEvent;
import dev.ccbridge.core.sse.SseParser;
import dev.ccbridge.core.sse.SseWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SSE text in tests: rendering our events, and reading SSE back into (name, JSON) pairs. */
public final class SseText {
    private SseText() {}

    public record Frame(String event, JsonNode data) {
        @Override
        public String toString() {
            return "event: " + event + "\ndata: " + data;
        }
    }

    public static String render(List<StreamEvent> events, ApiError failure) {
        var out = new StringBuilder();
        for (StreamEvent event : events) {
            out.append(new String(SseWriter.frame(event), StandardCharsets.UTF_8));
        }
        if (failure != null) {
            out.append(new String(SseWriter.frame(new StreamEvent.Error(failure.body())), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    public static List<Frame> parse(String sse) {
        List<Frame> frames = new ArrayList<>();
        var parser = new SseParser(event -> frames.add(frame(event)));
        parser.feed(sse.getBytes(StandardCharsets.UTF_8));
        parser.finish();
        return frames;
    }

    private static Frame frame(SseEvent event) {
        JsonNode data = Json.parseOrNull(event.data());
        if (data == null) {
            throw new AssertionError("data is not JSON: " + event.data());
        }
        return new Frame(event.event(), data);
    }
}
