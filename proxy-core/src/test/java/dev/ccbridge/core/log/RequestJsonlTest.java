package dev.ccbridge.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one JSONL schema of every export, and reading it (and the older shapes) back. */
class RequestJsonlTest {
    private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");
    private static final String KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz";
    private static final String TOKEN = "ccb_local-install-token-0123456789";
    private final RequestJsonl jsonl = new RequestJsonl(new Redactor(List.of(TOKEN)), 2000);

    @Test
    void anAnsweredRequestIsOneLineOfTheDocumentedFieldsWithItsBodiesAsJsonAndRedacted() {
        String request = "{\"model\":\"claude-sonnet-4-6\",\"api_key\":\"hunter2-secret\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"my key is " + KEY + " and my token " + TOKEN + "\"}]}";
        var record = new RequestRecord("req_1", AT, new RequestRecord.Routing("deepseek", "DeepSeek",
                "chat_completions", RequestRecord.Addressed.PINNED, "claude-sonnet-4-6", "deepseek-chat",
                "haiku -> deepseek"), true, new RequestRecord.Completed(200, null, 320L, 2400L,
                new Usage(100, 20, 5, 30), 0.000123), request.getBytes(StandardCharsets.UTF_8),
                "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}",
                List.of(new RequestRecord.Attempt("openrouter", 529, "overloaded", 40),
                        new RequestRecord.Attempt("deepseek", 200, null, 2300)));

        String line = jsonl.line(record);

        assertThat(line).doesNotContain("\n").doesNotContain(KEY).doesNotContain(TOKEN).doesNotContain("hunter2");
        JsonNode json = Json.parseOrNull(line);
        assertThat(json.path("id").asText()).isEqualTo("req_1");
        assertThat(json.path("startedAt").asText()).isEqualTo("2026-03-10T12:00:00Z");
        assertThat(json.path("target").asText()).isEqualTo("deepseek");
        assertThat(json.path("targetName").asText()).isEqualTo("DeepSeek");
        assertThat(json.path("route").asText()).isEqualTo("pinned");
        assertThat(json.path("routedBy").asText()).isEqualTo("haiku -> deepseek");
        assertThat(json.path("status").asInt()).isEqualTo(200);
        assertThat(json.path("firstTokenMillis").asLong()).isEqualTo(320);
        assertThat(json.path("durationMillis").asLong()).isEqualTo(2400);
        assertThat(json.path("usage").path("cache_read_input_tokens").asLong()).isEqualTo(30);
        assertThat(json.path("costUsd").asDouble()).isEqualTo(0.000123);
        assertThat(json.path("attempts").get(0).path("target").asText()).isEqualTo("openrouter");
        assertThat(json.path("request").path("model").asText()).as("a JSON body is embedded")
                .isEqualTo("claude-sonnet-4-6");
        assertThat(json.path("response").path("content").get(0).path("text").asText()).isEqualTo("hi");
        assertThat(json.has("rejected")).isFalse();

        RequestRecord back = RequestJsonl.read(line);
        assertThat(back.routing()).isEqualTo(record.routing());
        assertThat(back.completion()).contains(record.completion().orElseThrow());
        assertThat(back.attempts()).isEqualTo(record.attempts());
        assertThat(back.responseBody()).isEqualTo(record.responseBody());
        assertThat(new String(back.requestBody(), StandardCharsets.UTF_8)).contains("claude-sonnet-4-6")
                .doesNotContain(KEY);
    }

    @Test
    void aRefusedRequestSaysWhyAndHowOftenAndReadsBack() {
        var rejected = new RequestRecord.Rejected(RejectionReason.WRONG_TOKEN, 401,
                new RequestRecord.Failure("authentication_error", "wrong token: set ANTHROPIC_AUTH_TOKEN"),
                "claude-cli/2.1.332", "POST /v1/messages", 4, AT.plusSeconds(9));
        var record = RequestRecord.rejected("req_2", AT, RequestRecord.Routing.unrouted(RequestRecord.Addressed.ACTIVE),
                rejected);

        String line = jsonl.line(record);

        JsonNode json = Json.parseOrNull(line);
        assertThat(json.has("target")).as("refused before a target").isFalse();
        assertThat(json.path("status").asInt()).isEqualTo(401);
        assertThat(json.path("errorType").asText()).isEqualTo("authentication_error");
        assertThat(json.path("rejected").path("reason").asText()).isEqualTo("wrong_token");
        assertThat(json.path("rejected").path("count").asInt()).isEqualTo(4);
        assertThat(json.path("rejected").path("lastAt").asText()).isEqualTo("2026-03-10T12:00:09Z");
        assertThat(json.has("durationMillis")).as("no timing for a refusal").isFalse();
        assertThat(RequestJsonl.read(line).outcome()).isEqualTo(rejected);
    }

    @Test
    void aBodyThatIsNotJsonOrTooLargeIsTextCutToTheLimit() {
        var record = RequestRecord.started("req_3", AT, new RequestRecord.Routing("a", "A", "chat_completions",
                        RequestRecord.Addressed.ACTIVE, "m", "m"), false,
                ("{\"messages\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8))
                .completed(new RequestRecord.Completed(502, new RequestRecord.Failure("api_error", "bad gateway"),
                        null, 10, null), "upstream said " + KEY);

        JsonNode json = Json.parseOrNull(jsonl.line(record));

        assertThat(json.path("request").isTextual()).isTrue();
        assertThat(json.path("request").asText()).hasSize(2000 + "...(3015 more characters)".length())
                .endsWith("...(3015 more characters)");
        assertThat(json.path("response").asText()).isEqualTo("upstream said " + Redactor.MASK);
        assertThat(json.path("errorMessage").asText()).isEqualTo("bad gateway");
    }

    @Test
    void readsTheAppsOlderExport() {
        String old = """
                {"id":"r1","time":"2026-03-01T10:00:00Z","targetId":"ds","target":"DeepSeek",\
                "apiMode":"chat_completions","route":"active","requestedModel":"claude-haiku-4-5",\
                "upstreamModel":"deepseek-chat","stream":false,"status":200,"firstTokenMs":100,"durationMs":250,\
                "usage":{"inputTokens":10,"outputTokens":2,"cacheCreationInputTokens":0,"cacheReadInputTokens":5},\
                "request":{"model":"claude-haiku-4-5"},"response":{"content":[]}}""";

        RequestRecord r = RequestJsonl.read(old);

        assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(r.targetId()).isEqualTo("ds");
        assertThat(r.routing().targetName()).isEqualTo("DeepSeek");
        assertThat(r.completion()).contains(new RequestRecord.Completed(200, null, 100L, 250, new Usage(10, 2, 0, 5)));
        assertThat(new String(r.requestBody(), StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"claude-haiku-4-5\"}");
    }

    @Test
    void readsTheFirstRequestLogOfServe() {
        String old = """
                {"id":"r2","startedAt":"2026-03-01T10:00:00Z","target":"ds","targetName":"DeepSeek",\
                "apiMode":"chat_completions","route":"pinned","requestedModel":"claude-sonnet-4-6",\
                "upstreamModel":"deepseek-chat","stream":true,"status":429,"errorType":"rate_limit_error",\
                "errorMessage":"slow down","durationMillis":40,"request":"{\\"model\\":\\"x\\"}"}""";

        RequestRecord r = RequestJsonl.read(old);

        assertThat(r.targetId()).isEqualTo("ds");
        assertThat(r.routing().addressed()).isEqualTo(RequestRecord.Addressed.PINNED);
        assertThat(r.completion()).contains(new RequestRecord.Completed(429,
                new RequestRecord.Failure("rate_limit_error", "slow down"), null, 40, null));
        assertThat(new String(r.requestBody(), StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"x\"}");
    }

    @Test
    void aLineThatIsNoRequestRecordIsRefusedInWords() {
        assertThatThrownBy(() -> RequestJsonl.read("not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a request record");
        assertThatThrownBy(() -> RequestJsonl.read("{\"id\":\"x\",\"startedAt\":\"yesterday\"}"))
                .hasMessageContaining("startedAt is not a time");
    }
}
