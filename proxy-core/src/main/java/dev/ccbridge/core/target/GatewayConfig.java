package dev.ccbridge.core.target;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration file. Immutable: every change makes a new one.
 *
 * @param installToken  the token for the root routes ({@code /v1/...}, the active target)
 * @param activeTarget  id of the target the root routes use
 * @param routing       rules that send some requests to other targets, after each target's own
 */
@JsonPropertyOrder({"schemaVersion", "port", "installToken", "activeTarget", "routing", "targets"})
public record GatewayConfig(int schemaVersion, int port, String installToken, String activeTarget,
                          List<Target> targets,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RoutingRule> routing,
                          @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public static final int SCHEMA_VERSION = 1;
    public static final int DEFAULT_PORT = 8787;

    public GatewayConfig {
        targets = targets == null ? List.of() : List.copyOf(targets);
        routing = routing == null ? List.of() : List.copyOf(routing);
        port = port == 0 ? DEFAULT_PORT : port;
        schemaVersion = schemaVersion == 0 ? SCHEMA_VERSION : schemaVersion;
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    public Optional<Target> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Target> active() {
        return activeTarget == null ? Optional.empty() : target(activeTarget);
    }

    public GatewayConfig withTargets(List<Target> newTargets, String newActive) {
        return new GatewayConfig(schemaVersion, port, installToken, newActive, newTargets, routing, extra);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(schemaVersion, newPort, installToken, activeTarget, targets, routing, extra);
    }

    /** A configuration without global routing rules. */
    public GatewayConfig(int schemaVersion, int port, String installToken, String activeTarget, List<Target> targets,
                         Map<String, JsonNode> extra) {
        this(schemaVersion, port, installToken, activeTarget, targets, List.of(), extra);
    }

    /** The same configuration with other fields this version does not model (the app's settings). */
    public GatewayConfig withExtra(Map<String, JsonNode> newExtra) {
        return new GatewayConfig(schemaVersion, port, installToken, activeTarget, targets, routing, newExtra);
    }

    public GatewayConfig withRouting(List<RoutingRule> rules) {
        return new GatewayConfig(schemaVersion, port, installToken, activeTarget, targets, rules, extra);
    }

    public GatewayConfig withInstallToken(String token) {
        return new GatewayConfig(schemaVersion, port, token, activeTarget, targets, routing, extra);
    }
}
