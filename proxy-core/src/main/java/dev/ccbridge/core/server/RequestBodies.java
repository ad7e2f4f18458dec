package dev.ccbridge.core.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads and checks request bodies; every problem becomes a 4xx the client can read. */
final class RequestBodies {
    private static final ObjectReader MESSAGES = Json.WIRE.readerFor(MessagesRequest.class);

    private RequestBodies() {}

    /**
     * The whole body. With a declared length (Claude Code always sends one) each network chunk is
     * copied once, straight into an array of that size; a 500 KB body is not accumulated, joined
     * and copied again.
     */
    static byte[] read(Request request, long limit) throws Rejection {
        try {
            long declared = request.getLength();
            if (declared > limit) {
                throw new Rejection(RejectionReason.BODY_TOO_LARGE, tooLarge(limit));
            }
            InputStream in = Content.Source.asInputStream(request);
            byte[] bytes = declared < 0 ? in.readAllBytes() : new byte[(int) declared];
            if (declared >= 0 && in.readNBytes(bytes, 0, bytes.length) < bytes.length) {
                throw new Rejection(RejectionReason.UNREADABLE_BODY,
                        ApiError.invalidRequest("the request body ended before its declared length"));
            }
            if (bytes.length > limit) {
                throw new Rejection(RejectionReason.BODY_TOO_LARGE, tooLarge(limit));
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            // Jetty reports a body over the size limit (declared or counted while reading) as HTTP 413.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpException http && http.getCode() == 413) {
                    throw new Rejection(RejectionReason.BODY_TOO_LARGE, tooLarge(limit));
                }
            }
            throw new Rejection(RejectionReason.UNREADABLE_BODY,
                    ApiError.invalidRequest("could not read the request body"));
        }
    }

    static ApiError tooLarge(long limit) {
        return ApiError.tooLarge("request body exceeds ccbridge's limit of " + (limit / (1024 * 1024)) + " MiB");
    }

    /** Parses a messages (or count_tokens) body and checks the fields every request needs. */
    static MessagesRequest parseMessages(byte[] body, boolean requireMaxTokens) throws Rejection {
        if (body.length == 0) {
            throw Rejection.invalidBody("request body is empty; expected a JSON object");
        }
        MessagesRequest request;
        try {
            request = MESSAGES.readValue(body);
        } catch (MismatchedInputException e) {
            throw Rejection.invalidBody(describe(e));
        } catch (JsonProcessingException e) {
            throw Rejection.invalidBody("request body is not valid JSON: " + syntaxProblem(e));
        } catch (IOException e) {
            throw Rejection.invalidBody("could not read the request body");
        }
        if (request == null) {
            throw Rejection.invalidBody("request body is not a JSON object");
        }
        if (request.model() == null || request.model().isBlank()) {
            throw Rejection.invalidBody("model: Field required");
        }
        if (request.messages() == null) {
            throw Rejection.invalidBody("messages: Field required");
        }
        if (request.messages().isEmpty()) {
            throw Rejection.invalidBody("messages: at least one message is required");
        }
        if (request.messages().stream().anyMatch(m -> m == null || m.role() == null)) {
            throw Rejection.invalidBody("messages: every message needs a role");
        }
        if (requireMaxTokens && request.maxTokens() == null) {
            throw Rejection.invalidBody("max_tokens: Field required");
        }
        if (requireMaxTokens && request.maxTokens() < 1) {
            throw Rejection.invalidBody("max_tokens: must be at least 1");
        }
        RequestShape.check(request);
        return request;
    }

    /** The parser's complaint in words, with where it happened, without the parser's internals. */
    static String syntaxProblem(JsonProcessingException e) {
        String problem = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        for (String noise : new String[] {" (start marker at", "\n", " at [Source"}) {
            int at = problem.indexOf(noise);
            if (at >= 0) {
                problem = problem.substring(0, at);
            }
        }
        problem = problem.replace("`", "'").replaceAll("\\s+", " ").strip();
        if (problem.length() > 200) {
            problem = problem.substring(0, 200) + "...";
        }
        var where = e.getLocation();
        return where == null || where.getLineNr() < 0 ? problem
                : problem + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    /** "messages.0.content: expected an array" rather than Java type names. */
    static String describe(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        Class<?> type = e.getTargetType();
        String expected;
        if (type == null) {
            expected = "a different value";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            expected = "an array";
        } else if (type == String.class) {
            expected = "a string";
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            expected = "a number";
        } else if (type == Boolean.class || type == boolean.class) {
            expected = "true or false";
        } else if (Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
            expected = "an object";
        } else {
            expected = "a different value";
        }
        return (path.isEmpty() ? "request body" : path) + ": expected " + expected;
    }
}
