package dev.ccbridge.app.services;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.log.Answer;
import dev.ccbridge.app.log.ReplayService;
import dev.ccbridge.core.server.TargetCheck;
import dev.ccbridge.core.target.Target;
import java.time.Duration;

/** {@link GatewayCalls} through the app's own gateway (a private one on a free port while serving is off). */
public final class LocalGatewayCalls implements GatewayCalls {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);

    private final ServerControl server;
    private final ReplayService replays;

    public LocalGatewayCalls(ServerControl server) {
        this.server = server;
        this.replays = new ReplayService(server);
    }

    @Override
    public TargetCheck.Result check(Target target) {
        return server.throughGateway(url -> TargetCheck.run(url, target, CHECK_TIMEOUT));
    }

    @Override
    public Answer replay(String requestBody, Target target) {
        return replays.replay(requestBody, target);
    }
}
