package dev.ccbridge.app.services;

import dev.ccbridge.app.log.Answer;
import dev.ccbridge.core.client.GatewayClient;
import dev.ccbridge.core.target.Target;

/** Requests the app itself sends through the gateway to one target: "Test connection" and Replay. */
public interface GatewayCalls {
    /** One tiny real request; latency and the answer, or the provider's error. */
    @Blocking
    GatewayClient.Check check(Target target);

    /** A logged request sent again (without streaming) to {@code target}. */
    @Blocking
    Answer replay(String requestBody, Target target);
}
