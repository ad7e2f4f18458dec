package dev.ccbridge.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.testing.Fakes;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.RawHttp;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Fault;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The budget in a running gateway: 529 when full, room again once an exchange ends, however it ends. */
class BodyBudgetGatewayTest {
    private static final int KIB = 1024;
    private static final Duration SLOW = Duration.ofMillis(1500);

    private final FakeProvider provider = FakeProvider.start(Profile.of(Dialect.CHAT));

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void aRequestWithoutRoomGets529WithRetryAfterIsLoggedAndFitsOnceTheOtherHasEnded() throws Exception {
        provider.use(provider.profile().failing(Fault.delay(SLOW)));
        try (var gateway = start(1024 * KIB, Duration.ofMillis(200))) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> gateway.post("/v1/messages", body(700 * KIB)));
            await().until(() -> gateway.server.bodyBytesInFlight() > 0);

            HttpResponse<String> refused = gateway.post("/v1/messages", body(700 * KIB));

            assertThat(refused.statusCode()).isEqualTo(529);
            assertThat(refused.headers().firstValue("retry-after")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            JsonNode error = Json.parseOrNull(refused.body());
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("error").path("type").asText()).isEqualTo("overloaded_error");
            assertThat(error.path("error").path("message").asText()).contains("large requests");
            assertThat(gateway.log.snapshot()).anySatisfy(record -> assertThat(record.rejection()
                    .map(RequestRecord.Rejected::reason)).contains(RejectionReason.OVERLOADED));

            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            provider.use(provider.profile().failing(Fault.NONE));
            assertThat(gateway.post("/v1/messages", body(700 * KIB)).statusCode()).as("the retry").isEqualTo(200);
            // Given back as the handler returns, just after the answer's last bytes went out.
            await().until(() -> gateway.server.bodyBytesInFlight() == 0);
        }
    }

    @Test
    void aRequestThatDoesNotFitWaitsInLineAndIsAnsweredWhenRoomIsFree() throws Exception {
        provider.use(provider.profile().failing(Fault.delay(Duration.ofMillis(500))));
        try (var gateway = start(1024 * KIB, Duration.ofSeconds(20))) {
            var first = CompletableFuture.supplyAsync(() -> gateway.post("/v1/messages", body(700 * KIB)));
            await().until(() -> gateway.server.bodyBytesInFlight() > 0);
            var second = CompletableFuture.supplyAsync(() -> gateway.post("/v1/messages", body(700 * KIB)));

            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(provider.received()).hasSize(2);
        }
    }

    @Test
    void aRequestLargerThanTheWholeBudgetIsAnsweredWhenAlone() {
        try (var gateway = start(256 * KIB, Duration.ofMillis(200))) {
            HttpResponse<String> answer = gateway.post("/v1/messages", body(2048 * KIB));

            assertThat(answer.statusCode()).isEqualTo(200);
            await().until(() -> gateway.server.bodyBytesInFlight() == 0);
        }
    }

    @Test
    void aBodyWithoutALengthThatOutgrowsTheRoomLeftGets529() throws Exception {
        provider.use(provider.profile().failing(Fault.delay(SLOW)));
        try (var gateway = start(1024 * KIB, Duration.ofMillis(200))) {
            var first = CompletableFuture.supplyAsync(() -> gateway.post("/v1/messages", body(700 * KIB)));
            await().until(() -> gateway.server.bodyBytesInFlight() > 0);

            String reply = RawHttp.exchange(gateway.server.port(), chunked(gateway, body(600 * KIB)));

            assertThat(reply).startsWith("HTTP/1.1 529").containsIgnoringCase("retry-after:")
                    .contains("overloaded_error");
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            await().until(() -> gateway.server.bodyBytesInFlight() == 0);
        }
    }

    @Test
    void afterRequestsEndingEveryWayNothingIsLeftReserved() throws Exception {
        try (var gateway = start(1024 * KIB, Duration.ofMillis(300))) {
            int port = gateway.server.port();
            String token = gateway.registry.installToken();
            for (int round = 0; round < 5; round++) {
                assertThat(gateway.post("/v1/messages", body(100 * KIB)).statusCode()).isEqualTo(200);
                assertThat(gateway.post("/v1/messages/count_tokens", body(100 * KIB)).statusCode()).isEqualTo(200);
                assertThat(gateway.post("/v1/messages", "{\"model\": ").statusCode()).isEqualTo(400);
                assertThat(gateway.post("/v1/messages", "{\"model\":\"m\",\"max_tokens\":5}").statusCode())
                        .isEqualTo(400);
                assertThat(RawHttp.exchange(port, chunked(gateway, body(200 * KIB)))).startsWith("HTTP/1.1 200");
                // The client leaves halfway through sending its body.
                uploadHalfAndLeave(port, token, body(300 * KIB));
                // The client leaves while the answer streams.
                provider.use(provider.profile().failing(Fault.slowPieces(Duration.ofMillis(200))));
                readHeadersAndLeave(port, token, body(100 * KIB));
                provider.use(provider.profile().failing(Fault.NONE));
                // The provider fails.
                provider.use(provider.profile().failing(Fault.status(500, "application/json", "{}")));
                assertThat(gateway.post("/v1/messages", body(50 * KIB)).statusCode()).isGreaterThanOrEqualTo(500);
                provider.use(provider.profile().failing(Fault.NONE));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> gateway.server.activeRequests() == 0);
            assertThat(gateway.server.bodyBytesInFlight()).isZero();
            assertThat(gateway.post("/v1/messages", body(1000 * KIB)).statusCode())
                    .as("the whole budget is free again").isEqualTo(200);
        }
    }

    private GatewayHarness start(int budgetBytes, Duration wait) {
        var settings = ServerSettings.onPort(0).withBodyBudget(budgetBytes).withBudgetWait(wait);
        return GatewayHarness.start(Fakes.target(ApiMode.CHAT_COMPLETIONS, provider, "fake-model"), settings);
    }

    /** A streaming messages request of about {@code size} bytes. */
    private static String body(int size) {
        String filler = "x".repeat(Math.max(0, size - 200));
        return "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":64,\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + filler + "\"}]}";
    }

    private static String chunked(GatewayHarness gateway, String body) {
        var out = new StringBuilder("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + gateway.registry.installToken() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < body.length(); i += 16 * KIB) {
            String piece = body.substring(i, Math.min(body.length(), i + 16 * KIB));
            out.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        return out.append("0\r\n\r\n").toString();
    }

    private static void uploadHalfAndLeave(int port, String token, String body) throws Exception {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(head(token, bytes.length));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
        }
    }

    private static void readHeadersAndLeave(int port, String token, String body) throws Exception {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(head(token, bytes.length));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] first = new byte[64];
            assertThat(in.read(first)).isPositive();
            assertThat(new String(first, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
        }
    }

    private static byte[] head(String token, int length) {
        return ("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
