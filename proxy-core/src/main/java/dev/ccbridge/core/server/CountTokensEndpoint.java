package dev.ccbridge.core.server;

import dev.ccbridge.core.model.TokenCounter;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** {@code POST /v1/messages/count_tokens}: a local count, never a 404 (Claude Code calls it often). */
final class CountTokensEndpoint {
    private final TokenCounter counter;
    private final ServerSettings settings;

    CountTokensEndpoint(TokenCounter counter, ServerSettings settings) {
        this.counter = counter;
        this.settings = settings;
    }

    void handle(Request request, Response response) throws RequestBodies.Rejected {
        byte[] body = RequestBodies.read(request, settings.maxRequestBytes());
        MessagesRequest messages = RequestBodies.parseMessages(body, false);
        Replies.json(response, 200, Map.of("input_tokens", counter.count(messages)));
    }
}
