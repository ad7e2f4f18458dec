package dev.ccbridge.fake.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Jsons;
import dev.ccbridge.fake.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/** One {@code application/vnd.amazon.eventstream} frame: an event, or an exception. */
public record EventStreamFrame(boolean exception, String type, String json) {
    public static EventStreamFrame event(String type, JsonNode payload) {
        return new EventStreamFrame(false, type, Jsons.write(payload));
    }

    public static EventStreamFrame event(String type, String json) {
        return new EventStreamFrame(false, type, json);
    }

    public static EventStreamFrame exception(String type, String json) {
        return new EventStreamFrame(true, type, json);
    }

    /** The frame's bytes, encoded by AWS's event-stream library (prelude, headers, payload, CRCs). */
    public byte[] encode() {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString(exception ? "exception" : "event"));
        headers.put(exception ? ":exception-type" : ":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        ByteBuffer buffer = new Message(headers, json.getBytes(StandardCharsets.UTF_8)).toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * Frames from a fixture: one JSON object per line, {@code {"event": type, "data": {...}}} or
     * {@code {"exception": type, "data": {...}}}.
     */
    public static List<EventStreamFrame> fromFixture(String fixture) {
        List<EventStreamFrame> frames = new ArrayList<>();
        for (String line : fixture.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            JsonNode node = Jsons.parseOrNull(line);
            if (node == null) {
                throw new IllegalArgumentException("fixture line is not JSON: " + line);
            }
            String data = node.path("data").toString();
            frames.add(node.has("exception") ? exception(node.path("exception").asText(), data)
                    : event(node.path("event").asText(), data));
        }
        return frames;
    }

    /** A reply of these frames, each written in two pieces so that frames span reads. */
    public static Reply reply(List<EventStreamFrame> frames) {
        List<byte[]> pieces = new ArrayList<>();
        for (EventStreamFrame frame : frames) {
            byte[] bytes = frame.encode();
            int half = bytes.length / 2;
            pieces.add(Arrays.copyOfRange(bytes, 0, half));
            pieces.add(Arrays.copyOfRange(bytes, half, bytes.length));
        }
        return Reply.stream(ConverseWire.EVENT_STREAM, pieces);
    }
}
