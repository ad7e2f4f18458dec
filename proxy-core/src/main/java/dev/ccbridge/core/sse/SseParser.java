package dev.ccbridge.core.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental parser for {@code text/event-stream} bytes, per the WHATWG rules: lines end in CR,
 * LF or CRLF (also when CR and LF arrive in separate reads), {@code :} starts a comment, one
 * space after the colon is dropped, several {@code data} lines join with LF, a blank line
 * dispatches. Bytes may be split anywhere across {@link #feed} calls, even inside a UTF-8
 * character. One event may hold at most {@code maxEventBytes}; a larger one is refused with
 * {@link EventTooLargeException} rather than buffered without end. Not thread-safe: one parser
 * per stream.
 */
public final class SseParser {
    /** Far above any real event (a Responses {@code response.completed} repeats the whole answer). */
    public static final int DEFAULT_MAX_EVENT_BYTES = 32 * 1024 * 1024;

    /** An event (or a line) larger than the parser accepts: the stream is broken or hostile. */
    public static final class EventTooLargeException extends RuntimeException {
        public EventTooLargeException(int limit) {
            super("an event larger than " + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MiB" : limit + " bytes"),
                    null, false, false);
        }
    }

    private final Consumer<SseEvent> listener;
    private final int maxEventBytes;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean skipNextLf;
    private String eventName;
    private String lastId;
    private StringBuilder data;

    public SseParser(Consumer<SseEvent> listener) {
        this(listener, DEFAULT_MAX_EVENT_BYTES);
    }

    public SseParser(Consumer<SseEvent> listener, int maxEventBytes) {
        this.listener = listener;
        this.maxEventBytes = maxEventBytes;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != '\r') {
                continue;
            }
            if (b == '\n' && skipNextLf && i == start && lineLength == 0) {
                // LF completing a CRLF whose CR ended the previous read.
                skipNextLf = false;
                start = i + 1;
                continue;
            }
            append(bytes, start, i - start);
            completeLine();
            if (b == '\r') {
                if (i + 1 < end) {
                    if (bytes[i + 1] == '\n') {
                        i++;
                    }
                } else {
                    skipNextLf = true;
                }
            }
            start = i + 1;
        }
        if (start < end) {
            skipNextLf = false;
            append(bytes, start, end - start);
        }
    }

    /**
     * The stream ended: a last line without its line ending still counts, and a pending event is
     * dispatched, so a truncated frame reaches the consumer (which then sees it is incomplete)
     * rather than vanishing.
     */
    public void finish() {
        if (lineLength > 0) {
            completeLine();
        }
        dispatch();
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if ((long) lineLength + length + pendingData() > maxEventBytes) {
            throw new EventTooLargeException(maxEventBytes);
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }

    private int pendingData() {
        return data == null ? 0 : data.length();
    }

    private void completeLine() {
        skipNextLf = false;
        int length = lineLength;
        lineLength = 0;
        if (length == 0) {
            dispatch();
            return;
        }
        if (line[0] == ':') {
            return;
        }
        int colon = indexOf(line, length, (byte) ':');
        int nameEnd = colon < 0 ? length : colon;
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == ' ') {
            valueStart++;
        }
        String value = new String(line, valueStart, length - valueStart, StandardCharsets.UTF_8);
        if (is("data", nameEnd)) {
            if (data == null) {
                data = new StringBuilder(value.length() + 16);
            } else {
                data.append('\n');
            }
            data.append(value);
        } else if (is("event", nameEnd)) {
            eventName = value;
        } else if (is("id", nameEnd)) {
            if (value.indexOf('\0') < 0) {
                lastId = value;
            }
        }
        // "retry" and unknown fields are ignored, as the spec says.
    }

    private void dispatch() {
        if (data == null) {
            eventName = null;
            return;
        }
        SseEvent event = new SseEvent(eventName, data.toString(), lastId);
        data = null;
        eventName = null;
        listener.accept(event);
    }

    private boolean is(String field, int nameLength) {
        if (field.length() != nameLength) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (line[i] != field.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int length, byte target) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
