package dev.ccbridge.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.FakeAgent;
import dev.ccbridge.core.testing.FakeProvider;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.core.testing.ScriptedUpstream;
import dev.ccbridge.core.testing.ScriptedUpstream.Step;
import dev.ccbridge.core.testing.SseText;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Claude Code sees over time: bytes as they arrive, pings in silences, cancellation when it leaves. */
class StreamTimingTest {
    private static final String REQUEST = "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":100,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"think hard\"}]}";

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
        try (var upstream = new ScriptedUpstream().script(List.of(
                Step.after(0, chunk("Let me think.")),
                Step.after(1500, chunk(" Done.")),
                Step.after(0, FINISH)));
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
        try (var provider = new FakeProvider(FakeAgent::anthropic).silenceAfterFirstChunk(Duration.ofMillis(1500));
             var gateway = GatewayHarness.start(Target.builder().id("anthropic").name("Anthropic").provider("fake").baseUrl(provider.rootUrl())
                     .model("m").apiMode(ApiMode.ANTHROPIC_MESSAGES).build(), ServerSettings.onPort(0).withPingInterval(Duration.ofMillis(300)))) {

            HttpResponse<String> response = gateway.send(messages(gateway));

            List<String> events = SseText.parse(response.body()).stream().map(SseText.Frame::event).toList();
            assertThat(events.getFirst()).isEqualTo("message_start");
            assertThat(events.subList(1, events.indexOf("content_block_start"))).isNotEmpty().containsOnly("ping");
            assertThat(events.stream().filter(e -> !e.equals("ping")).toList()).containsExactly("message_start",
                    "content_block_start", "content_block_delta", "content_block_stop", "message_delta",
                    "message_stop");
        }
    }

    @Test
    void eventsReachTheClientAsTheyArriveNotAllAtTheEnd() throws Exception {
        try (var upstream = new ScriptedUpstream().script(List.of(
                Step.after(0, chunk("first")),
                Step.after(2000, chunk("second")),
                Step.after(0, FINISH)));
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
        try (var upstream = new ScriptedUpstream().script(List.of(
                Step.after(0, chunk("first")),
                Step.after(500, chunk("second")),
                Step.after(0, FINISH)));
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
        List<Step> script = new ArrayList<>();
        script.add(Step.after(0, chunk("start")));
        script.add(Step.after(3000, chunk("late")));
        for (int i = 0; i < 50; i++) {
            script.add(Step.after(100, chunk("more")));
        }
        try (var upstream = new ScriptedUpstream().script(script);
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(upstream.baseUrl(), "m"),
                     ServerSettings.onPort(0).withPingInterval(Duration.ofMillis(300)))) {

            HttpResponse<InputStream> response = gateway.client().send(messages(gateway).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = response.body();
            body.readNBytes(100);
            body.close();

            // The pings written into the silence fail, which cancels the upstream call: its next
            // write ("late", 3 s on) finds the connection gone instead of streaming on for 8 s.
            assertThat(upstream.callerLeftWithin(Duration.ofMillis(4500))).isTrue();
        }
    }

    @Test
    void aClientThatLeavesCancelsTheUpstreamCall() throws Exception {
        List<Step> endless = new ArrayList<>();
        endless.add(Step.after(0, chunk("start")));
        for (int i = 0; i < 600; i++) {
            endless.add(Step.after(100, chunk("more")));
        }
        try (var upstream = new ScriptedUpstream().script(endless);
             var gateway = GatewayHarness.start(GatewayHarness.chatTarget(upstream.baseUrl(), "m"))) {

            HttpResponse<InputStream> response = gateway.client().send(messages(gateway).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = response.body();
            body.readNBytes(200);
            body.close(); // Claude Code: Esc

            assertThat(upstream.callerLeftWithin(Duration.ofSeconds(10))).as("upstream call cancelled").isTrue();
            long deadline = System.currentTimeMillis() + 5000;
            while (gateway.log.snapshot().getLast().inFlight() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(gateway.log.snapshot().getLast().completion().orElseThrow().status()).isEqualTo(499);
        }
    }
}
