package dev.ccbridge.app.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.log.Answer;
import dev.ccbridge.core.client.GatewayClient;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.Target;
import java.time.Duration;

/**
 * {@link GatewayCalls} through the app's own gateway (a private one on a free port while serving
 * is off), with the core's {@link GatewayClient}: each call goes to the target's own URL, as
 * Claude Code's would.
 */
public final class LocalGatewayCalls implements GatewayCalls {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(5);

    private final ServerControl server;

    public LocalGatewayCalls(ServerControl server) {
        this.server = server;
    }

    @Override
    public GatewayClient.Check check(Target target) {
        return server.throughGateway(url -> new GatewayClient(url).check(target, CHECK_TIMEOUT));
    }

    /** Sent without streaming, so the answer arrives as one message to compare with the logged one. */
    @Override
    public Answer replay(String requestBody, Target target) {
        JsonNode parsed = Json.parseOrNull(requestBody);
        if (!(parsed instanceof ObjectNode request)) {
            return new Answer(target.displayName(), 0, 0, null, "",
                    "the logged request is not JSON, so it cannot be sent again");
        }
        request.put("stream", false);
        GatewayClient.Reply reply = server.throughGateway(url ->
                new GatewayClient(url).send(target, Json.bytes(request), REPLAY_TIMEOUT));
        if (reply.status() == 0) {
            return new Answer(target.displayName(), 0, reply.millis(), null, "", reply.errorMessage());
        }
        return Answer.fromBody(target.displayName(), reply.status(), reply.millis(), null, reply.body());
    }
}
