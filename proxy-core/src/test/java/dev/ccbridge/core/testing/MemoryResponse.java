package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.exchange.ClientGoneException;
import dev.ccbridge.core.exchange.ClientResponse;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.stream.MessageAccumulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Claude Code's side of an exchange, in memory: what the gateway wrote (status, headers, body, in
 * its writes), read back as Claude Code reads it. Every event of a stream goes through
 * {@link MessageAccumulator}, which throws on any sequence a client would choke on.
 */
public final class MemoryResponse implements ClientResponse {
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<Integer> writes = new ArrayList<>();
    private int status;
    private boolean committed;
    private boolean ended;
    private int writesBeforeGone = Integer.MAX_VALUE;

    /** From the given write on, writes fail as they do when Claude Code closed the connection. */
    public MemoryResponse goneAfter(int writes) {
        writesBeforeGone = writes;
        return this;
    }

    @Override
    public synchronized boolean isCommitted() {
        return committed;
    }

    @Override
    public synchronized void setStatus(int status) {
        this.status = status;
    }

    @Override
    public synchronized void setHeader(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length, boolean last) {
        if (ended) {
            throw new AssertionError("write after the end of the response");
        }
        if (writes.size() >= writesBeforeGone) {
            throw new ClientGoneException(new IOException("closed by the client"));
        }
        committed = true;
        body.write(bytes, offset, length);
        writes.add(length);
        ended = last;
    }

    public synchronized int status() {
        return status;
    }

    public synchronized String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public synchronized boolean ended() {
        return ended;
    }

    /** The size of each write, in order (events of one upstream read should share one). */
    public synchronized List<Integer> writes() {
        return List.copyOf(writes);
    }

    public synchronized String text() {
        return body.toString(StandardCharsets.UTF_8);
    }

    public synchronized boolean isEventStream() {
        String type = header("content-type");
        return type != null && type.startsWith("text/event-stream");
    }

    /**
     * The answer as SSE frames; an error reply (an HTTP status with the Anthropic envelope) reads as
     * the one {@code error} frame it stands for.
     */
    public synchronized List<SseText.Frame> frames() {
        if (body.size() == 0 && !committed) {
            return List.of(); // nothing sent at all (the client had gone)
        }
        if (isEventStream()) {
            return SseText.parse(text());
        }
        JsonNode json = Json.parseOrNull(text());
        if (status >= 400 && json != null && "error".equals(json.path("type").asText())) {
            var frame = Json.object().put("type", "error");
            frame.set("error", json.get("error"));
            return List.of(new SseText.Frame("error", frame));
        }
        throw new AssertionError("not an event stream nor an error reply: " + status + " " + text());
    }

    /** The events of a stream, checked for legal order as a client would (an error frame ends them). */
    public List<StreamEvent> events() {
        var checker = new MessageAccumulator();
        List<StreamEvent> events = new ArrayList<>();
        for (SseText.Frame frame : frames()) {
            if (frame.event().equals("error")) {
                break;
            }
            StreamEvent event = read(frame.data());
            checker.accept(event);
            events.add(event);
        }
        return events;
    }

    /** The answer as one message: a JSON reply as it came, a stream folded as a client does (it must be complete). */
    public MessagesResponse message() {
        if (!isEventStream() && status == 200) {
            try {
                return Json.WIRE.readValue(text(), MessagesResponse.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var checker = new MessageAccumulator();
        events().forEach(checker::accept);
        return checker.message();
    }

    /** The error that ended the answer (an error frame, or an error reply), or null. */
    public ApiError failure() {
        for (SseText.Frame frame : frames()) {
            if (frame.event().equals("error")) {
                JsonNode error = frame.data().get("error");
                return ApiError.of(isEventStream() ? 200 : status, error.path("type").asText(),
                        error.path("message").asText());
            }
        }
        return null;
    }

    private static StreamEvent read(JsonNode data) {
        try {
            return Json.WIRE.treeToValue(data, StreamEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
