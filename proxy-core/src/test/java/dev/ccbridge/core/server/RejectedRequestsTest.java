package dev.ccbridge.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request the gateway refuses reaches the request log (what its listeners, the app's table,
 * the history and serve's lines, hear): the reason, the status, what to do, who sent it; never
 * the token.
 */
class RejectedRequestsTest {
    private static final String BODY = "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String WRONG = "ccb_an-old-token-from-settings-json-0123";

    private GatewayHarness gateway;
    private final List<RequestRecord> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        gateway = GatewayHarness.start(GatewayHarness.chatTarget("http://127.0.0.1:9/v1", "m"),
                ServerSettings.onPort(0).withMaxRequestBytes(64 * 1024));
        gateway.log.addListener(heard::add);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private HttpResponse<String> post(String path, String token, String body) {
        var request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header("User-Agent", "claude-cli/test")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return gateway.send(request);
    }

    private RequestRecord.Rejected onlyRejection() {
        assertThat(heard).as("one refusal heard").hasSize(1);
        return heard.getFirst().rejection().orElseThrow();
    }

    @Test
    void aWrongTokenIsLoggedWithWhatToDoAndWhatWasSentButNotTheToken() {
        HttpResponse<String> answer = post("/v1/messages", WRONG, BODY);

        assertThat(answer.statusCode()).isEqualTo(401);
        RequestRecord record = heard.getFirst();
        assertThat(record.id()).as("the id the client got").isEqualTo(answer.headers().firstValue("request-id").orElseThrow());
        assertThat(record.targetId()).as("the active target it was for").isEqualTo("upstream");
        RequestRecord.Rejected rejected = onlyRejection();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.WRONG_TOKEN);
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.endpoint()).isEqualTo("POST /v1/messages");
        assertThat(rejected.client()).isEqualTo("claude-cli/test");
        assertThat(rejected.failure().message())
                .startsWith("wrong token: set ANTHROPIC_AUTH_TOKEN to the token ccbridge printed")
                .contains("sent in Authorization: a ccbridge token that is not valid here")
                .contains("~/.claude/settings.json")
                .doesNotContain(WRONG).doesNotContain("an-old-token");
    }

    @Test
    void anotherOfThisCcbridgesTokensIsNamedAsSuch() {
        Target target = gateway.active();

        post("/v1/messages", target.token(), BODY);
        String pinned = "/api/claude-code-proxy/" + target.routeKey() + "/v1/messages";
        post(pinned, gateway.registry.installToken(), BODY);

        assertThat(heard).hasSize(2);
        assertThat(heard.get(0).rejection().orElseThrow().failure().message())
                .contains("the token of target 'upstream', but the root URL takes the install token (ccbridge env)")
                .doesNotContain(target.token());
        assertThat(heard.get(1).routing().addressed()).isEqualTo(RequestRecord.Addressed.PINNED);
        assertThat(heard.get(1).rejection().orElseThrow().failure().message())
                .startsWith("wrong token for this target's URL")
                .contains("the install token, but a target's own URL takes that target's token")
                .doesNotContain(gateway.registry.installToken());
    }

    @Test
    void anAnthropicKeyOrAStrangerTokenShowsAtMostFourCharacters() {
        post("/v1/messages", "sk-ant-api03-the-users-real-anthropic-key", BODY);
        gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/messages"))
                .header("User-Agent", "other").header("x-api-key", "zq8Lr0-something-long-and-secret")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)));

        assertThat(heard.get(0).rejection().orElseThrow().failure().message())
                .contains("sent in Authorization: an Anthropic API key").doesNotContain("api03");
        assertThat(heard.get(1).rejection().orElseThrow().failure().message())
                .contains("sent in x-api-key: a token starting 'zq8L...'").doesNotContain("something");
    }

    @Test
    void aMissingTokenIsLogged() {
        post("/v1/messages", null, BODY);

        RequestRecord.Rejected rejected = onlyRejection();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_TOKEN);
        assertThat(rejected.failure().message()).startsWith("missing token: set ANTHROPIC_AUTH_TOKEN");
    }

    @Test
    void aForeignHostAndAWebPageAreLoggedWithoutATarget() {
        RawHttp.exchange(gateway.server.port(), "GET /v1/models HTTP/1.1\r\nHost: attacker.example\r\n"
                + "User-Agent: Mozilla/5.0\r\nConnection: close\r\n\r\n");
        gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/messages"))
                .header("Origin", "https://evil.example").header("Authorization", "Bearer " + gateway.registry.installToken())
                .POST(HttpRequest.BodyPublishers.ofString(BODY)));

        assertThat(heard).extracting(r -> r.rejection().orElseThrow().reason())
                .containsExactly(RejectionReason.FOREIGN_HOST, RejectionReason.WEB_PAGE);
        assertThat(heard).allSatisfy(r -> {
            assertThat(r.routing().hasTarget()).isFalse();
            assertThat(r.rejection().orElseThrow().status()).isEqualTo(403);
        });
        assertThat(heard.getFirst().rejection().orElseThrow().client()).isEqualTo("Mozilla/5.0");
    }

    @Test
    void anUnknownRouteKeyAnUnknownPathAndAWrongMethodAreLogged() {
        post("/api/claude-code-proxy/bm9wZQ/v1/messages", gateway.active().token(), BODY);
        gateway.get("/v2/complete");
        gateway.get("/v1/messages");

        assertThat(heard).extracting(r -> r.rejection().orElseThrow().reason()).containsExactly(
                RejectionReason.UNKNOWN_ROUTE_KEY, RejectionReason.UNKNOWN_ENDPOINT, RejectionReason.WRONG_METHOD);
        assertThat(heard.get(0).rejection().orElseThrow().failure().message())
                .contains("no target with route key 'bm9wZQ'").contains("copy its URL again");
        assertThat(heard.get(2).targetId()).as("the method was wrong for a known target").isEqualTo("upstream");
        assertThat(heard.get(2).rejection().orElseThrow().status()).isEqualTo(405);
    }

    @Test
    void anInvalidOrTooLargeBodyIsLogged() {
        post("/v1/messages", gateway.registry.installToken(), "{\"model\":\"m\",\"messages\":[]}");
        post("/v1/messages", gateway.registry.installToken(), "x".repeat(100 * 1024));

        assertThat(heard).extracting(r -> r.rejection().orElseThrow().reason())
                .containsExactly(RejectionReason.INVALID_BODY, RejectionReason.BODY_TOO_LARGE);
        assertThat(heard.get(0).rejection().orElseThrow().failure().message())
                .isEqualTo("messages: at least one message is required");
        assertThat(heard.get(1).rejection().orElseThrow().status()).isEqualTo(413);
        assertThat(heard.get(1).rejection().orElseThrow().endpoint()).isEqualTo("POST /v1/messages");
    }

    @Test
    void aClientRetryingAWrongTokenFillsOneEntry() {
        for (int i = 0; i < 50; i++) {
            assertThat(post("/v1/messages", WRONG, BODY).statusCode()).isEqualTo(401);
        }

        assertThat(gateway.log.snapshot()).singleElement()
                .satisfies(r -> assertThat(r.rejection().orElseThrow().count()).isEqualTo(50));
    }
}
