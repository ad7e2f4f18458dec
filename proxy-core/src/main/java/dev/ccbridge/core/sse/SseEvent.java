package dev.ccbridge.core.sse;

/** One dispatched server-sent event; {@code event} is null when the stream named none. */
public record SseEvent(String event, String data, String id) {
}
