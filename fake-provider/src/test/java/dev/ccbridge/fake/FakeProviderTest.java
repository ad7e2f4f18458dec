package dev.ccbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.agent.Agent;
import dev.ccbridge.fake.agent.TaskAgent;
import dev.ccbridge.fake.wire.ConverseWire;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.MessageDecoder;

/** The fake over real HTTP: each protocol's answer as a client reads it, the key check, and each fault. */
class FakeProviderTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeProvider fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
        client.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(fake.rootUrl() + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String CHAT_TASK = """
            {"model":"m","stream":true,"tools":[{"type":"function","function":{"name":"Bash"}}],
             "messages":[{"role":"user","content":"Please run the marker command"}]}""";

    /** The {@code data:} payloads of an event stream, parsed. */
    private static List<JsonNode> data(String stream) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                events.add(Jsons.parseOrNull(line.substring(6)));
            }
        }
        return events;
    }

    @Test
    void aChatProviderThinksAndCallsTheToolInStreamedChunks() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.CHAT));
        HttpResponse<String> answer = post("/v1/chat/completions", CHAT_TASK);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(answer.body()).endsWith("data: [DONE]\n\n");
        var reasoning = new StringBuilder();
        var arguments = new StringBuilder();
        for (JsonNode chunk : data(answer.body())) {
            reasoning.append(chunk.at("/choices/0/delta/reasoning_content").asText(""));
            arguments.append(chunk.at("/choices/0/delta/tool_calls/0/function/arguments").asText(""));
        }
        assertThat(reasoning.toString()).isEqualTo(TaskAgent.REASONING);
        assertThat(Jsons.parseOrNull(arguments.toString()).path("command").asText())
                .isEqualTo(TaskAgent.MARKER_COMMAND);
        assertThat(data(answer.body())).anySatisfy(chunk ->
                assertThat(chunk.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls"));
        assertThat(fake.requests()).singleElement().satisfies(body ->
                assertThat(body.path("model").asText()).isEqualTo("m"));
    }

    @Test
    void aToolResultIsReported() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.CHAT));
        HttpResponse<String> answer = post("/v1/chat/completions", """
                {"model":"m","stream":false,"messages":[{"role":"user","content":"go"},
                 {"role":"tool","tool_call_id":"c","content":"ccbridge-tool-ok"}]}""");
        assertThat(Jsons.parseOrNull(answer.body()).at("/choices/0/message/content").asText())
                .isEqualTo("The tool said: ccbridge-tool-ok");
    }

    @Test
    void responsesAnswerWithEncryptedReasoningOnlyWhenAskedFor() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.RESPONSES));
        String task = """
                {"model":"m","stream":false,%s"tools":[{"type":"function","name":"Bash"}],
                 "input":[{"type":"message","role":"user",
                  "content":[{"type":"input_text","text":"run the marker command"}]}]}""";
        JsonNode plain = Jsons.parseOrNull(post("/v1/responses", task.formatted("")).body());
        JsonNode asked = Jsons.parseOrNull(post("/v1/responses",
                task.formatted("\"include\":[\"reasoning.encrypted_content\"],")).body());

        assertThat(plain.at("/output/0/type").asText()).isEqualTo("reasoning");
        assertThat(plain.at("/output/0").has("encrypted_content")).isFalse();
        assertThat(asked.at("/output/0/encrypted_content").asText()).startsWith("gAAAAB");
        assertThat(asked.at("/output/1/type").asText()).isEqualTo("function_call");
    }

    @Test
    void anthropicStreamsSignedThinkingThenTheToolUse() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.ANTHROPIC));
        String body = post("/v1/messages", """
                {"model":"claude-x","max_tokens":100,"stream":true,"tools":[{"name":"Bash","input_schema":{}}],
                 "messages":[{"role":"user","content":"Please run the marker command"}]}""").body();
        List<String> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("event: ")) {
                events.add(line.substring(7));
            }
        }
        assertThat(events.getFirst()).isEqualTo("message_start");
        assertThat(events.getLast()).isEqualTo("message_stop");
        String signature = data(body).stream().map(e -> e.at("/delta/signature").asText("")).reduce("", String::concat);
        assertThat(Signer.CLAUDE.verifies(TaskAgent.REASONING, signature)).isTrue();
        assertThat(post("/v1/messages/count_tokens", "{\"messages\":[]}").body()).contains("input_tokens");
    }

    @Test
    void bedrockAnswersInEventStreamFrames() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.BEDROCK));
        HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(
                        URI.create(fake.rootUrl() + "/model/us.anthropic.claude-x/converse-stream"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"messages":[{"role":"user","content":[{"text":"Please run the marker command"}]}],
                         "toolConfig":{"tools":[{"toolSpec":{"name":"Bash"}}]}}""")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.headers().firstValue("content-type")).hasValue(ConverseWire.EVENT_STREAM);
        List<String> types = new ArrayList<>();
        var decoder = new MessageDecoder(message -> types.add(message.getHeaders().get(":event-type").getString()));
        try (InputStream in = answer.body()) {
            decoder.feed(ByteBuffer.wrap(in.readAllBytes()));
        }
        assertThat(types).startsWith("messageStart").contains("contentBlockStart").endsWith("messageStop", "metadata");
        assertThat(fake.last().segment(1)).isEqualTo("us.anthropic.claude-x");
    }

    @Test
    void aWrongKeyGetsTheProvidersRefusal() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.CHAT).requiringKey("sk-right"));
        assertThat(post("/v1/chat/completions", CHAT_TASK, "Authorization", "Bearer sk-wrong").body())
                .contains("invalid_api_key");
        assertThat(post("/v1/chat/completions", CHAT_TASK, "Authorization", "Bearer sk-right").statusCode())
                .isEqualTo(200);
        assertThat(fake.refusals()).singleElement().satisfies(refusal -> assertThat(refusal.status()).isEqualTo(401));
    }

    @Test
    void aFixedAgentAndAnErrorStatus() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.CHAT).answering(Agent.saying("pong", 12, 3)));
        assertThat(post("/v1/chat/completions", CHAT_TASK).body()).contains("\"content\":\"po\"")
                .contains("\"prompt_tokens\":12");
        fake.use(fake.profile().failing(Fault.status(503, "application/json", "{\"error\":{\"message\":\"busy\"}}",
                "Retry-After: 3")));
        HttpResponse<String> busy = post("/v1/chat/completions", CHAT_TASK);
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("retry-after")).hasValue("3");
    }

    @Test
    void aTruncatedAnswerEndsProperlyButEarly() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.CHAT).failing(Fault.truncateAfter(2)));
        assertThat(data(post("/v1/chat/completions", CHAT_TASK).body())).hasSize(2);
    }

    @Test
    void garbageArrivesWhereAsked() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.CHAT).failing(Fault.garbageAfter(1, "data: {not json\n\n")));
        String body = post("/v1/chat/completions", CHAT_TASK).body();
        assertThat(body.split("\n\n")[1]).isEqualTo("data: {not json");
    }

    @Test
    void aClosedOrResetConnectionBreaksTheBody() {
        for (Fault fault : List.of(Fault.closeAfter(2), Fault.resetAfter(2))) {
            fake = FakeProvider.start(Profile.of(Dialect.CHAT).failing(fault));
            assertThatThrownBy(() -> post("/v1/chat/completions", CHAT_TASK)).as(fault.toString())
                    .isInstanceOf(IOException.class);
            fake.close();
        }
        fake = null;
    }

    @Test
    void aStallKeepsTheConnectionOpenAndSilent() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.CHAT).failing(Fault.stallAfter(1)));
        var request = HttpRequest.newBuilder(URI.create(fake.rootUrl() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(CHAT_TASK)).build();
        HttpResponse<InputStream> answer = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = answer.body()) {
            byte[] first = new byte[4096];
            int read = in.read(first);
            assertThat(new String(first, 0, read, StandardCharsets.UTF_8)).startsWith("data: ");
            assertThat(fake.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void slowPiecesArriveApart() throws Exception {
        fake = FakeProvider.start(Profile.of(Dialect.CHAT).answering(Agent.saying("hi"))
                .failing(Fault.slowPieces(Duration.ofMillis(100))));
        long start = System.nanoTime();
        post("/v1/chat/completions", CHAT_TASK);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }
}
