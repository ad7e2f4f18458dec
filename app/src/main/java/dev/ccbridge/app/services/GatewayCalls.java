package dev.ccbridge.app.services;

import dev.ccbridge.app.log.Answer;
import dev.ccbridge.core.server.TargetCheck;
import dev.ccbridge.core.target.Target;

/**
 * Requests the app itself sends through the gateway to one target: "Test connection" and Replay.
 * One seam, so the core's gateway client can take over both in one place.
 */
public interface GatewayCalls {
    /** One tiny real request; latency and the answer, or the provider's error. */
    @Blocking
    TargetCheck.Result check(Target target);

    /** A logged request sent again (without streaming) to {@code target}. */
    @Blocking
    Answer replay(String requestBody, Target target);
}
