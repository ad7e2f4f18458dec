package dev.ccbridge.core.server;

import dev.ccbridge.core.target.Target;

/**
 * Where a request goes. Root paths ({@code /v1/...}) use the active target; per-target paths
 * ({@code /api/claude-code-proxy/{routeKey}/v1/...}) pin one target.
 *
 * @param routeKey null for the active target
 * @param rest     the path after {@code /v1/models/} for MODEL
 */
record Route(Endpoint endpoint, String routeKey, String rest) {
    static final String PINNED_PREFIX = Target.PINNED_PATH_PREFIX;

    enum Endpoint { PROBE, MESSAGES, COUNT_TOKENS, MODELS, MODEL, UNKNOWN }

    boolean pinned() {
        return routeKey != null;
    }

    static Route parse(String rawPath) {
        String path = normalise(rawPath);
        String routeKey = null;
        if (path.startsWith(PINNED_PREFIX)) {
            String afterPrefix = path.substring(PINNED_PREFIX.length());
            int slash = afterPrefix.indexOf('/');
            routeKey = slash < 0 ? afterPrefix : afterPrefix.substring(0, slash);
            path = slash < 0 ? "/" : afterPrefix.substring(slash);
            if (routeKey.isEmpty()) {
                return new Route(Endpoint.UNKNOWN, null, null);
            }
        }
        Endpoint endpoint = switch (path) {
            case "/", "", "/api/hello", "/v1" -> Endpoint.PROBE;
            case "/v1/messages" -> Endpoint.MESSAGES;
            case "/v1/messages/count_tokens" -> Endpoint.COUNT_TOKENS;
            case "/v1/models" -> Endpoint.MODELS;
            default -> path.startsWith("/v1/models/") ? Endpoint.MODEL : Endpoint.UNKNOWN;
        };
        String rest = endpoint == Endpoint.MODEL ? path.substring("/v1/models/".length()) : null;
        return new Route(endpoint, routeKey, rest);
    }

    /** Forgives a base URL set with a trailing slash or an extra {@code /v1}: {@code //}, {@code /v1/v1/}. */
    static String normalise(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String out = path;
        while (out.contains("//")) { // a plain scan: a regex here would be compiled on every request
            out = out.replace("//", "/");
        }
        while (out.contains("/v1/v1/")) {
            out = out.replace("/v1/v1/", "/v1/");
        }
        if (out.length() > 1 && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
