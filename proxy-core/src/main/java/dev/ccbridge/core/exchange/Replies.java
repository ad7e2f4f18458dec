package dev.ccbridge.core.exchange;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import java.util.Map;

/** Whole replies and body writes on a {@link ClientResponse}. */
public final class Replies {
    public static final String JSON = "application/json";
    public static final String REQUEST_ID = "request-id";
    private static final byte[] NOTHING = new byte[0];

    private Replies() {}

    public static void json(ClientResponse response, int status, Object body) {
        jsonBytes(response, status, Json.bytes(body));
    }

    /** A JSON body already encoded. */
    public static void jsonBytes(ClientResponse response, int status, byte[] bytes) {
        whole(response, status, Map.of("Content-Type", JSON), bytes);
    }

    /** The Anthropic error envelope with the error's status and headers. */
    public static void error(ClientResponse response, ApiError error, String requestId) {
        error.headers().forEach(response::setHeader);
        json(response, error.status(), error.envelope(requestId));
    }

    public static void empty(ClientResponse response, int status) {
        whole(response, status, Map.of(), NOTHING);
    }

    /** A complete reply: status, headers, a body of known length. */
    public static void whole(ClientResponse response, int status, Map<String, String> headers, byte[] body) {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setHeader("Content-Length", Integer.toString(body.length));
        response.write(body, 0, body.length, true);
    }

    /** Writes and waits; a failed write means the client is gone. */
    static void write(ClientResponse response, byte[] bytes) {
        response.write(bytes, 0, bytes.length, false);
    }

    /** Ends a body written in parts. */
    static void end(ClientResponse response) {
        response.write(NOTHING, 0, 0, true);
    }
}
