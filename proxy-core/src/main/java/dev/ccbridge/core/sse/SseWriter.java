package dev.ccbridge.core.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import java.nio.charset.StandardCharsets;

/** Encodes Anthropic stream events as SSE frames: {@code event: <type>\ndata: <json>\n\n}. */
public final class SseWriter {
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private SseWriter() {}

    private static final ObjectWriter EVENTS = Json.WIRE.writerFor(StreamEvent.class);

    public static byte[] frame(StreamEvent event) {
        if (event instanceof StreamEvent.ContentBlockDelta delta) {
            byte[] fast = DeltaFrames.encode(delta);
            if (fast != null) {
                return fast;
            }
        }
        byte[] name = event.type().getBytes(StandardCharsets.US_ASCII);
        byte[] json;
        try {
            json = EVENTS.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.type(), e);
        }
        byte[] frame = new byte[EVENT.length + name.length + DATA.length + json.length + END.length];
        int at = 0;
        at = put(frame, at, EVENT);
        at = put(frame, at, name);
        at = put(frame, at, DATA);
        at = put(frame, at, json);
        put(frame, at, END);
        return frame;
    }

    private static int put(byte[] target, int at, byte[] part) {
        System.arraycopy(part, 0, target, at, part.length);
        return at + part.length;
    }
}
