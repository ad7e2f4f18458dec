package dev.ccbridge.core.upstream.bedrock;

import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.rules.Errors;
import dev.ccbridge.fake.wire.EventStreamFrame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.testing.MemoryResponse;
import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.core.testing.SseText;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bedrock answers as real event-stream frames over HTTP, decoded by the AWS SDK, translated into
 * exactly the Anthropic events Claude Code must receive ({@code golden/bedrock_converse/<scenario>}).
 * The fake writes every frame in two pieces, so frames span reads.
 */
class BedrockGoldenTest {
    private static final String DIR = "golden/bedrock_converse/";

    private static FakeProvider fake;
    private static BedrockClients clients;
    private static BedrockUpstream upstream;

    @BeforeAll
    static void start() {
        fake = BedrockReplies.start();
        clients = new BedrockClients(BedrockSettingsTest.noProfiles());
        upstream = new BedrockUpstream(clients, Map.of());
    }

    @AfterAll
    static void stop() {
        clients.close();
        fake.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "tools", "reasoning", "stop_sequence", "guardrail", "cut", "cut_tool",
            "throttled_mid_stream", "model_stream_error", "overflow_at_start", "error_after_stop"})
    void streamsTheScenarioExactly(String scenario) {
        fake.replying(BedrockReplies.stream(EventStreamFrame.fromFixture(Fixtures.text(DIR + scenario + "/upstream.events"))));
        MemoryResponse sink = BedrockRun.run(upstream, BedrockRun.target(fake.rootUrl(), Map.of()),
                BedrockRun.REQUEST, Optional.of(BedrockRun.API_KEY));
        assertThat(sink.frames()).as(scenario)
                .containsExactlyElementsOf(SseText.parse(Fixtures.text(DIR + scenario + "/expected-anthropic.sse")));
        assertThat(fake.last().path()).endsWith("/converse-stream");
    }

    @Test
    void aWholeConverseAnswerGivesTheSameEventsAsAStream() {
        fake.replying(Errors.bedrockBody(200, null, Fixtures.text(DIR + "converse_json/upstream.json")));
        MemoryResponse sink = BedrockRun.run(upstream,
                BedrockRun.target(fake.rootUrl(), Map.of("streaming", "false")),
                BedrockRun.REQUEST, Optional.of(BedrockRun.API_KEY));
        assertThat(sink.frames())
                .containsExactlyElementsOf(SseText.parse(Fixtures.text(DIR + "converse_json/expected-anthropic.sse")));
        assertThat(fake.last().path()).endsWith("/converse");
    }

    @Test
    void aCutStreamNeverFinishesTheMessage() {
        fake.replying(BedrockReplies.stream(EventStreamFrame.fromFixture(Fixtures.text(DIR + "cut_tool/upstream.events"))));
        MemoryResponse sink = BedrockRun.run(upstream, BedrockRun.target(fake.rootUrl(), Map.of()),
                BedrockRun.REQUEST, Optional.of(BedrockRun.API_KEY));
        assertThat(sink.events()).extracting(e -> e.type()).doesNotContain("content_block_stop", "message_stop");
        assertThat(sink.failure().message()).contains("ended unexpectedly");
    }
}
