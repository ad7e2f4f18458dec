package dev.ccbridge.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests ccbridge refuses, each with a clear Anthropic error. */
class GatewayLimitsTest {
    private static final String SMALL = "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void aBodyOverTheLimitIsRequestTooLargeWhetherItsLengthIsDeclaredOrNot() {
        var settings = ServerSettings.onPort(0).withMaxRequestBytes(64 * 1024);
        try (var gateway = GatewayHarness.start(GatewayHarness.chatTarget("http://127.0.0.1:9/v1", "m"), settings)) {
            String big = "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\""
                    + "x".repeat(100 * 1024) + "\"}]}";
            HttpResponse<String> declared = gateway.post("/v1/messages", big);
            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(Json.parseOrNull(declared.body()).path("error").path("type").asText()).isEqualTo("request_too_large");

            // Chunked: no Content-Length to check up front; the limit applies while reading.
            StringBuilder chunked = new StringBuilder("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + gateway.registry.installToken() + "\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            for (int i = 0; i < big.length(); i += 8192) {
                String piece = big.substring(i, Math.min(big.length(), i + 8192));
                chunked.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
            }
            chunked.append("0\r\n\r\n");
            String reply = RawHttp.exchange(gateway.server.port(), chunked.toString());
            assertThat(reply).startsWith("HTTP/1.1 413").contains("request_too_large");
        }
    }

    @Test
    void aModeThatIsNotAvailableSays501AndAsksNotToRetry() {
        var target = Target.builder().id("app").name("App server").provider("openai").baseUrl("http://127.0.0.1:9")
                .model("m").apiMode(ApiMode.CODEX_APP_SERVER).build();
        try (var gateway = GatewayHarness.start(target)) {
            HttpResponse<String> response = gateway.post("/v1/messages", SMALL);
            assertThat(response.statusCode()).isEqualTo(501);
            assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
            assertThat(response.body()).contains("codex_app_server").contains("not implemented");
        }
    }

    @Test
    void unknownPathsAndWrongMethodsAreEnvelopedErrors() {
        try (var gateway = GatewayHarness.start(GatewayHarness.chatTarget("http://127.0.0.1:9/v1", "m"))) {
            HttpResponse<String> unknown = gateway.get("/v2/complete");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(Json.parseOrNull(unknown.body()).path("error").path("type").asText()).isEqualTo("not_found_error");
            HttpResponse<String> wrongMethod = gateway.get("/v1/messages");
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
            assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
        }
    }

    @Test
    void aBaseUrlSetWithAnExtraV1StillWorks() {
        try (var gateway = GatewayHarness.start(GatewayHarness.chatTarget("http://127.0.0.1:9/v1", "m"))) {
            HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl()
                            + "/v1/v1/messages/count_tokens"))
                    .header("Authorization", "Bearer " + gateway.registry.installToken())
                    .POST(HttpRequest.BodyPublishers.ofString(SMALL)));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("input_tokens");
        }
    }

    @Test
    void malformedHttpGetsAnEnvelopeNotAnHtmlPage() {
        try (var gateway = GatewayHarness.start(GatewayHarness.chatTarget("http://127.0.0.1:9/v1", "m"))) {
            String reply = RawHttp.exchange(gateway.server.port(),
                    "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nonsense\r\n\r\n");
            assertThat(reply).startsWith("HTTP/1.1 400").contains("\"type\":\"error\"").doesNotContain("<html");
        }
    }
}
