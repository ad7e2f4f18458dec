package dev.ccbridge.core.server;

import dev.ccbridge.core.exchange.Replies;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors Jetty produces itself (body over the size limit, malformed HTTP, headers too large)
 * reach Claude Code in the Anthropic envelope too, never as an HTML page or a stack trace, and
 * the refused request is logged like the gateway's own refusals.
 */
final class AnthropicErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AnthropicErrorHandler.class);

    private final long maxRequestBytes;
    private final RejectedRequests rejections;

    AnthropicErrorHandler(long maxRequestBytes, RejectedRequests rejections) {
        this.maxRequestBytes = maxRequestBytes;
        this.rejections = rejections;
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
        String requestId = Ids.requestId();
        if (code >= 400 && code < 500) {
            record(request, requestId, code, error);
        }
        byte[] body = Json.write(error.envelope(requestId)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.getHeaders().put(Replies.REQUEST_ID, requestId);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private void record(Request request, String requestId, int code, ApiError error) {
        RejectionReason reason = switch (code) {
            case 413 -> RejectionReason.BODY_TOO_LARGE;
            case 431 -> RejectionReason.HEADERS_TOO_LARGE;
            default -> RejectionReason.MALFORMED_REQUEST;
        };
        try {
            rejections.record(request, requestId, reason, error, null, null);
        } catch (RuntimeException e) {
            // a request too broken to describe: the reply still goes out
            LOG.debug("refused request not logged", e);
        }
    }
}
