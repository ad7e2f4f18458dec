package dev.ccbridge.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.SseText;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Fault;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Reply.Piece;
import dev.ccbridge.fake.agent.Agent;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Claude Code sees over time: bytes as they arrive, pings in silences, cancellation when it leaves. */
class StreamTimingTest {
    private static final String REQUEST = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":100,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"think hard\"}]}";

    /** A Chat provider that answers every request with these pieces, each after its pause. */
    private static FakeProvider scripted(List<Piece> pieces) {
        return FakeProvider.start(Profile.of(Dialect.CHAT).replying(Reply.sseTimed(pieces)));
    }

    private static String chunk(String text) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}\n\n";
    }

    private static final String FINISH = "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";

    private static HttpRequest.Builder messages(GatewayHarness gateway) {
        return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/messages"))
                .header("Authorization", "Bearer " + gateway.registry.installToken())
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST));
    }

    @Test
    void silentStretchesGetPingsSoTheConnectionStaysAlive() throws Exception {
        try (var upstream = scripted(List.of(
                Piece.after(0, chunk("Let me think.")),
                Piece.after(1500, chunk(" Done.")),
                Piece.after(0, FINISH)));
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(upstream.baseUrl(), "m"),
                     ServerSettings.onPort(0).withPingInterval(Duration.ofMillis(300)))) {

            HttpResponse<String> response = gateway.send(messages(gateway));

            List<String> events = SseText.parse(response.body()).stream().map(SseText.Frame::event).toList();
            assertThat(events).contains("ping");
            assertThat(events.subList(0, events.indexOf("ping"))).contains("content_block_delta");
            assertThat(events.getLast()).isEqualTo("message_stop");
        }
    }

    @Test
    void aSilentRelayedStreamGetsPingsBetweenItsEvents() throws Exception {
        try (var provider = FakeProvider.start(Profile.of(Dialect.ANTHROPIC).answering(Agent.saying("OK"))
                .failing(Fault.silenceAfter(1, Duration.ofMillis(1500))));
             var gateway = GatewayHarness.start(Target.builder().id("anthropic").name("Anthropic").provider("fake").baseUrl(provider.rootUrl())
                     .model("m").apiMode(ApiMode.ANTHROPIC_MESSAGES).build(), ServerSettings.onPort(0).withPingInterval(Duration.ofMillis(300)))) {

            HttpResponse<String> response = gateway.send(messages(gateway));

            List<String> events = SseText.parse(response.body()).stream().map(SseText.Frame::event).toList();
            assertThat(events.getFirst()).isEqualTo("message_start");
            assertThat(events.subList(1, events.indexOf("content_block_start"))).isNotEmpty().containsOnly("ping");
            assertThat(events.stream().filter(e -> !e.equals("ping")).toList()).containsExactly("message_start",
                    "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                    "message_delta", "message_stop");
        }
    }

    @Test
    void eventsReachTheClientAsTheyArriveNotAllAtTheEnd() throws Exception {
        try (var upstream = scripted(List.of(
                Piece.after(0, chunk("first")),
                Piece.after(2000, chunk("second")),
                Piece.after(0, FINISH)));
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(upstream.baseUrl(), "m"))) {

            long start = System.nanoTime();
            HttpResponse<InputStream> response = gateway.client().send(messages(gateway).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            var seen = new StringBuilder();
            long firstTextMillis = -1;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[4096];
                int read;
                while ((read = body.read(buffer)) >= 0) {
                    seen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    if (firstTextMillis < 0 && seen.indexOf("first") >= 0) {
                        firstTextMillis = (System.nanoTime() - start) / 1_000_000;
                    }
                }
            }
            long totalMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(totalMillis).isGreaterThanOrEqualTo(2000);
            // The first text arrived while the upstream was still silent, long before the end.
            assertThat(firstTextMillis).isLessThan(totalMillis - 1500);
        }
    }

    @Test
    void theEventsOfOneUpstreamChunkLeaveInOneWrite() throws Exception {
        try (var upstream = scripted(List.of(
                Piece.after(0, chunk("first")),
                Piece.after(500, chunk("second")),
                Piece.after(0, FINISH)));
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(upstream.baseUrl(), "m"));
             var socket = new java.net.Socket("127.0.0.1", URI.create(gateway.baseUrl()).getPort())) {
            byte[] body = REQUEST.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + gateway.registry.installToken() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            String line;
            while (!(line = readLine(in)).isEmpty()) {
                assertThat(line).doesNotContainIgnoringCase("content-length");
            }

            // Chunked transfer: one HTTP chunk per write the gateway made.
            String firstWrite = readChunk(in);
            List<String> events = SseText.parse(firstWrite).stream().map(SseText.Frame::event).toList();
            assertThat(events).containsExactly("message_start", "content_block_start", "content_block_delta");
            assertThat(firstWrite).contains("first").doesNotContain("second");
        }
    }

    private static String readLine(java.io.DataInputStream in) throws java.io.IOException {
        var line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            assertThat(c).as("the connection ended early").isNotNegative();
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String readChunk(java.io.DataInputStream in) throws java.io.IOException {
        int size = Integer.parseInt(readLine(in).trim(), 16);
        byte[] data = new byte[size];
        in.readFully(data);
        readLine(in);
        return new String(data, StandardCharsets.UTF_8);
    }

    @Test
    void aClientThatLeavesWhileTheUpstreamIsSilentIsNoticedAtTheNextPing() throws Exception {
        List<Piece> script = new ArrayList<>();
        script.add(Piece.after(0, chunk("start")));
        script.add(Piece.after(3000, chunk("late")));
        for (int i = 0; i < 50; i++) {
            script.add(Piece.after(100, chunk("more")));
        }
        try (var upstream = scripted(script);
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(upstream.baseUrl(), "m"),
                     ServerSettings.onPort(0).withPingInterval(Duration.ofMillis(300)))) {

            HttpResponse<InputStream> response = gateway.client().send(messages(gateway).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = response.body();
            body.readNBytes(100);
            body.close();

            // The pings written into the silence fail, which cancels the upstream call: its next
            // write ("late", 3 s on) finds the connection gone instead of streaming on for 8 s.
            await().atMost(Duration.ofMillis(4500)).until(() -> upstream.callersGone() > 0);
        }
    }

    @Test
    void aClientThatLeavesCancelsTheUpstreamCall() throws Exception {
        List<Piece> endless = new ArrayList<>();
        endless.add(Piece.after(0, chunk("start")));
        for (int i = 0; i < 600; i++) {
            endless.add(Piece.after(100, chunk("more")));
        }
        try (var upstream = scripted(endless);
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(upstream.baseUrl(), "m"))) {

            HttpResponse<InputStream> response = gateway.client().send(messages(gateway).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = response.body();
            body.readNBytes(200);
            body.close(); // Claude Code: Esc

            await("upstream call cancelled").atMost(Duration.ofSeconds(10)).until(() -> upstream.callersGone() > 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> !gateway.log.snapshot().getLast().inFlight());
            assertThat(gateway.log.snapshot().getLast().completion().orElseThrow().status()).isEqualTo(499);
        }
    }
}
