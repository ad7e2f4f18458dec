package dev.ccbridge.core.server;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** Blocking writes of whole replies and stream frames to a Jetty response (we run on virtual threads). */
final class Replies {
    static final String JSON = "application/json";
    static final String REQUEST_ID = "request-id";

    private Replies() {}

    static void json(Response response, int status, Object body) {
        jsonBytes(response, status, Json.bytes(body));
    }

    /** A JSON body already encoded. */
    static void jsonBytes(Response response, int status, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        write(response, true, bytes);
    }

    /** The Anthropic error envelope with the error's status and headers. */
    static void error(Response response, ApiError error, String requestId) {
        error.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        json(response, error.status(), error.envelope(requestId));
    }

    static void empty(Response response, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        write(response, true, new byte[0]);
    }

    /** Writes and waits; a failed write means the client is gone. */
    static void write(Response response, boolean last, byte[] bytes) {
        write(response, last, bytes, 0, bytes.length);
    }

    /** Writes part of an array and waits (so the caller may reuse the array right after). */
    static void write(Response response, boolean last, byte[] bytes, int offset, int length) {
        try (Blocker.Callback callback = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(bytes, offset, length), callback);
            callback.block();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }
}
