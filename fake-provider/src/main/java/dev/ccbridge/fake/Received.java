package dev.ccbridge.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the fake received it.
 *
 * @param headers lower-case names
 * @param json    the body parsed, or null when it was not JSON
 */
public record Received(String method, String path, Map<String, String> headers, byte[] body, JsonNode json) {
    public Received {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The path's segment at {@code index} (0 is the first after the leading slash), URL-decoded. */
    public String segment(int index) {
        String[] parts = path.substring(1).split("/");
        return index < parts.length ? URLDecoder.decode(parts[index], StandardCharsets.UTF_8) : null;
    }
}
