package dev.ccbridge.app.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.app.ServerControl;
import dev.ccbridge.core.client.GatewayClient;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.Target;
import java.time.Duration;

/**
 * Sends a logged request again, to another target, through the gateway (its per-target URL), so
 * the answers of two providers to the same real prompt can be compared. Sent without streaming,
 * so the answer arrives as one message.
 */
public final class ReplayService {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final ServerControl server;

    public ReplayService(ServerControl server) {
        this.server = server;
    }

    /** Blocks until the answer is in: call it off the FX thread. */
    public Answer replay(String requestBody, Target target) {
        JsonNode parsed = Json.parseOrNull(requestBody);
        if (!(parsed instanceof ObjectNode request)) {
            return new Answer(target.displayName(), 0, 0, null, "", "the logged request is not JSON, so it cannot be sent again");
        }
        request.put("stream", false);
        return server.throughGateway(base -> send(base, request, target));
    }

    private static Answer send(String gatewayBase, ObjectNode request, Target target) {
        GatewayClient.Reply reply = new GatewayClient(gatewayBase).send(target, Json.bytes(request), TIMEOUT);
        if (reply.status() == 0) {
            return new Answer(target.displayName(), 0, reply.millis(), null, "", reply.errorMessage());
        }
        return Answer.fromBody(target.displayName(), reply.status(), reply.millis(), null, reply.body());
    }
}
