package dev.ccbridge.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.server.GatewayServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.TargetRegistry;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.RawHttp;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The gateway's doors: it listens on loopback only, answers no web page (no CORS, a browser's
 * preflight fails), refuses foreign Host names, and a rotated token stops the old one at once.
 */
class GatewaySecurityTest {
    private static final String BODY = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":10,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void itRefusesToListenBeyondLoopback() {
        var registry = new TargetRegistry(new GatewayConfig(0, 0, null, null, List.of(), null), null);
        for (String host : List.of("0.0.0.0", "::", "192.0.2.10")) {
            var settings = new ServerSettings(host, 0, ServerSettings.DEFAULT_MAX_REQUEST_BYTES,
                    java.time.Duration.ofSeconds(10), java.time.Duration.ofMinutes(15), 64);
            try (var server = new GatewayServer(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                    settings)) {
                assertThatThrownBy(server::start).as(host).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("loopback");
                assertThat(server.isRunning()).isFalse();
            }
        }
    }

    @Test
    void aBrowsersPreflightFailsAndNoCorsHeaderIsEverSent() throws Exception {
        try (var provider = Fakes.start(ApiMode.CHAT_COMPLETIONS);
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(provider.baseUrl(), "m"))) {
            int port = gateway.server.port();
            String preflight = RawHttp.exchange(port, "OPTIONS /v1/messages HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nOrigin: https://attacker.example\r\nAccess-Control-Request-Method: POST\r\n"
                    + "Access-Control-Request-Headers: authorization, content-type\r\nConnection: close\r\n\r\n");
            assertThat(preflight).startsWith("HTTP/1.1 403");
            assertThat(preflight.toLowerCase(Locale.ROOT)).doesNotContain("access-control-allow");

            // Even with the right token (a page that somehow learnt it), a browser request is refused.
            String post = RawHttp.exchange(port, "POST /v1/messages HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nOrigin: http://localhost:3000\r\nAuthorization: Bearer " + gateway.registry.installToken()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length()
                    + "\r\nConnection: close\r\n\r\n" + BODY);
            assertThat(post).startsWith("HTTP/1.1 403").contains("permission_error")
                    .contains("does not answer requests from web pages");
            assertThat(post.toLowerCase(Locale.ROOT)).doesNotContain("access-control-allow");
            assertThat(provider.requests()).isEmpty();

            // Claude Code (no Origin) gets through.
            assertThat(gateway.post("/v1/messages", BODY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aForeignHostNameIsRefusedBeforeAnythingElse() throws Exception {
        try (var provider = Fakes.start(ApiMode.CHAT_COMPLETIONS);
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(provider.baseUrl(), "m"))) {
            int port = gateway.server.port();
            String reply = RawHttp.exchange(port, "POST /v1/messages HTTP/1.1\r\nHost: rebind.attacker.example:" + port
                    + "\r\nAuthorization: Bearer " + gateway.registry.installToken() + "\r\nContent-Length: "
                    + BODY.length() + "\r\nConnection: close\r\n\r\n" + BODY);
            assertThat(reply).startsWith("HTTP/1.1 403").contains("permission_error");
            assertThat(provider.requests()).isEmpty();
        }
    }

    @Test
    void aRotatedTokenStopsTheOldOneAtOnce() throws Exception {
        try (var provider = Fakes.start(ApiMode.CHAT_COMPLETIONS);
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(provider.baseUrl(), "m"))) {
            String old = gateway.registry.installToken();
            String oldTarget = gateway.active().token();
            gateway.registry.rotateInstallToken();
            gateway.registry.rotateToken(gateway.active().id());
            int port = gateway.server.port();
            for (String[] attempt : new String[][] {{"/v1/messages", old},
                    {"/api/claude-code-proxy/" + gateway.active().routeKey() + "/v1/messages", oldTarget}}) {
                String reply = RawHttp.exchange(port, "POST " + attempt[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "x-api-key: " + attempt[1] + "\r\nContent-Length: " + BODY.length()
                        + "\r\nConnection: close\r\n\r\n" + BODY);
                assertThat(reply).startsWith("HTTP/1.1 401").contains("authentication_error")
                        .doesNotContain(attempt[1]);
            }
            assertThat(gateway.post("/v1/messages", BODY).statusCode()).isEqualTo(200);
        }
    }
}
