package dev.ccbridge.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The request bodies the benchmarks send: recorded from the real Claude Code CLI (2.1.332) in an
 * agent session through ccbridge ({@code scripts/bench/record.sh}), kept unchanged as resources.
 * All four are streaming requests, as Claude Code sends them.
 */
public enum RecordedBodies {
    /** The WebSearch tool's own request: short system prompt, the query, Anthropic's server tool. */
    SMALL("small"),
    /** A session's first request: the system prompt, 14 tool schemas, the task. */
    MEDIUM("medium"),
    /** Deep in the session: 30-odd messages of tool calls and the source files they read. */
    LARGE("large"),
    /** The next request: two images (a screenshot, an icon) came back from Read. */
    IMAGES("images");

    private final String name;
    private byte[] bytes;

    RecordedBodies(String name) {
        this.name = name;
    }

    /** The file name stem: {@code small}, {@code medium}, ... */
    public String id() {
        return name;
    }

    /** The body as recorded (a streaming request). */
    public synchronized byte[] bytes() {
        if (bytes == null) {
            try (InputStream in = RecordedBodies.class.getResourceAsStream("bodies/" + name + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource bodies/" + name + ".json (scripts/bench/record.sh)");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.clone();
    }

    /** The body with {@code "stream"} set as asked: the non-streaming variant of the same request. */
    public byte[] bytes(boolean stream) {
        if (stream) {
            return bytes();
        }
        try {
            ObjectNode body = (ObjectNode) Json.WIRE.readTree(bytes());
            body.put("stream", false);
            return Json.bytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "medium (52 KB)": how reports name it. */
    public String label() {
        double kb = bytes().length / 1024.0;
        return String.format(Locale.ROOT, kb < 10 ? "%s (%.1f KB)" : "%s (%.0f KB)", name, kb);
    }
}
