package dev.ccbridge.core.server;

import dev.ccbridge.core.exchange.Replies;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty produces itself (body over the size limit, malformed HTTP, headers too large)
 * reach Claude Code in the Anthropic envelope too, never as an HTML page or a stack trace.
 */
final class AnthropicErrorHandler extends ErrorHandler {
    private final long maxRequestBytes;

    AnthropicErrorHandler(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ApiError error = switch (code) {
            case 413 -> RequestBodies.tooLarge(maxRequestBytes);
            case 431 -> ApiError.invalidRequest("request headers are too large");
            case 404 -> ApiError.notFound("not found");
            case 405 -> ApiError.of(405, "invalid_request_error", "method not allowed");
            default -> code >= 500
                    ? ApiError.api(code, "internal error in ccbridge")
                    : ApiError.of(code, "invalid_request_error", "bad request" + (message == null ? "" : ": " + message));
        };
        byte[] body = Json.write(error.envelope(null)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
