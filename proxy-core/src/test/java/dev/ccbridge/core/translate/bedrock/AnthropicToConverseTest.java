package dev.ccbridge.core.translate.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.translate.common.ToolNames;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;

/** Claude Code's requests as Bedrock Converse must receive them. */
class AnthropicToConverseTest {
    private static final String CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String NOVA = "amazon.nova-pro-v1:0";
    private static final String SIGNATURE = "EqQBCkYIBxgCKkAgenuineAnthropicSignature==";

    private static ResolvedModel model(String id) {
        return new ResolvedModel("bedrock", "claude-sonnet-4-6", id, ModelCatalog.builtIn().lookup(id));
    }

    private static ConverseInput translate(String json) {
        return translate(json, model(CLAUDE), Set.of());
    }

    private static ConverseInput translate(String json, ResolvedModel model, Set<String> betas) {
        MessagesRequest request = parse(json);
        return AnthropicToConverse.translate(request, model, ToolNames.of(request.toolsOrEmpty()), betas);
    }

    private static MessagesRequest parse(String json) {
        try {
            return Json.WIRE.readValue(json, MessagesRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode fields(ConverseInput input) {
        return input.additionalModelRequestFields() == null ? Json.object()
                : Documents.toJson(input.additionalModelRequestFields());
    }

    /** A turn that called Read, answered by the user: the history of any tool loop. */
    private static final String TOOL_HISTORY = """
            {"role":"user","content":"read it"},
            {"role":"assistant","content":[{"type":"text","text":"Reading."},
              {"type":"tool_use","id":"toolu_01A","name":"Read","input":{"file_path":"/a"}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01A","content":"class A {}"}]}
            """;

    @Test
    void aHistoryWithToolCallsGetsAToolConfigEvenWhenTheRequestOffersNoTools() {
        ConverseInput input = translate("""
                {"model":"claude-haiku-4-5","max_tokens":512,"messages":[%s,
                  {"role":"assistant","content":"Done."},{"role":"user","content":"Write a title for this chat"}]}
                """.formatted(TOOL_HISTORY));
        assertThat(input.toolConfig()).isNotNull();
        assertThat(input.toolConfig().tools()).extracting(t -> t.toolSpec().name()).containsExactly("Read");
        assertThat(input.toolConfig().toolChoice()).isNull();
    }

    @Test
    void noToolsAndNoToolHistoryMeansNoToolConfig() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[{"role":"user","content":"hi"}]}
                """);
        assertThat(input.toolConfig()).isNull();
    }

    @Test
    void offeredToolsAreDeclaredWithCleanSchemasAndForcedChoicesKept() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[{"role":"user","content":"hi"}],
                 "tool_choice":{"type":"tool","name":"Read"},
                 "tools":[{"name":"Read","description":"Read a file","input_schema":{
                   "$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                   "properties":{"file_path":{"type":"string"}},"required":["file_path"]}},
                   {"type":"web_search_20250305","name":"web_search"}]}
                """);
        var tools = input.toolConfig().tools();
        assertThat(tools).hasSize(1);
        JsonNode schema = Documents.toJson(tools.getFirst().toolSpec().inputSchema().json());
        assertThat(schema.has("$schema")).isFalse();
        assertThat(schema.at("/properties/file_path/type").asText()).isEqualTo("string");
        assertThat(input.toolConfig().toolChoice().tool().name()).isEqualTo("Read");
    }

    @Test
    void forcedToolUseIsDroppedWhileThinkingBecauseClaudeRefusesBoth() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":16000,"thinking":{"type":"enabled","budget_tokens":4000},
                 "tool_choice":{"type":"any"},"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"name":"Read","input_schema":{"type":"object"}}]}
                """);
        assertThat(input.toolConfig().toolChoice()).isNull();
        assertThat(fields(input).at("/thinking/budget_tokens").asInt()).isEqualTo(4000);
    }

    @Test
    void aForcedToolThatIsNotOfferedIsRejected() {
        assertThatThrownBy(() -> translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"tool_choice":{"type":"tool","name":"Nope"},
                 "messages":[{"role":"user","content":"hi"}],"tools":[{"name":"Read","input_schema":{}}]}
                """)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("Nope");
    }

    @Test
    void toolResultsAnswerTheirCallsWithConsistentIdsAndErrorStatus() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[
                  {"role":"user","content":"run"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"call:7.b","name":"Bash","input":{"command":"ls"}}]},
                  {"role":"user","content":[{"type":"text","text":"also this"},
                    {"type":"tool_result","tool_use_id":"call:7.b","is_error":true,"content":[]}]}]}
                """);
        List<Message> messages = input.messages();
        String id = messages.get(1).content().getFirst().toolUse().toolUseId();
        assertThat(id).matches("[A-Za-z0-9_-]{1,64}");
        var answer = messages.get(2).content();
        assertThat(answer.getFirst().toolResult().toolUseId()).isEqualTo(id);
        assertThat(answer.getFirst().toolResult().status()).isEqualTo(ToolResultStatus.ERROR);
        assertThat(answer.getFirst().toolResult().content().getFirst().text()).isEqualTo("(no output)");
        assertThat(answer.get(1).text()).as("tool results come first, then the user's text").isEqualTo("also this");
    }

    @Test
    void anInterruptedToolCallGetsAStubResultSoBedrockAcceptsTheHistory() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[
                  {"role":"user","content":"run"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Bash","input":{}}]},
                  {"role":"user","content":"never mind, do something else"}]}
                """);
        var answer = input.messages().get(2).content();
        assertThat(answer.getFirst().toolResult().toolUseId()).isEqualTo("toolu_1");
        assertThat(answer.getFirst().toolResult().status()).isEqualTo(ToolResultStatus.ERROR);
        assertThat(answer.get(1).text()).isEqualTo("never mind, do something else");
    }

    @Test
    void aResultWhoseCallIsNotInThePreviousTurnBecomesText() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_gone","content":"old output"},
                    {"type":"text","text":"continue"}]}]}
                """);
        var content = input.messages().getFirst().content();
        assertThat(content).allMatch(b -> b.toolResult() == null);
        assertThat(content.getFirst().text()).contains("toolu_gone", "old output");
        assertThat(input.toolConfig()).isNull();
    }

    @Test
    void genuineThinkingGoesBackWithItsSignatureAndForeignOrUnsignedThinkingIsDropped() {
        String carried = CarriedSignature.encode(new CarriedSignature.Origin("codex_responses", "openai", "gpt-5"), Json.object());
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":16000,"messages":[
                  {"role":"user","content":"q1"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"mine","signature":"%s"},
                    {"type":"redacted_thinking","data":"%s"},{"type":"text","text":"a1"}]},
                  {"role":"user","content":"q2"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"from another provider","signature":"%s"},
                    {"type":"thinking","thinking":"unsigned","signature":""},{"type":"text","text":"a2"}]},
                  {"role":"user","content":"q3"}]}
                """.formatted(SIGNATURE, Base64.getEncoder().encodeToString("opaque".getBytes()), carried));
        var first = input.messages().get(1).content();
        assertThat(first.get(0).reasoningContent().reasoningText().text()).isEqualTo("mine");
        assertThat(first.get(0).reasoningContent().reasoningText().signature()).isEqualTo(SIGNATURE);
        assertThat(first.get(1).reasoningContent().redactedContent().asUtf8String()).isEqualTo("opaque");
        assertThat(first.get(2).text()).isEqualTo("a1");
        var second = input.messages().get(3).content();
        assertThat(second).extracting(ContentBlock::text).containsExactly("a2");
    }

    @Test
    void maxTokensIsClampedToTheModelsLimit() {
        String request = """
                {"model":"claude-sonnet-4-6","max_tokens":%d,"messages":[{"role":"user","content":"hi"}]}""";
        assertThat(translate(request.formatted(200000)).inferenceConfig().maxTokens()).isEqualTo(64000);
        assertThat(translate(request.formatted(1000)).inferenceConfig().maxTokens()).isEqualTo(1000);
        var small = new ResolvedModel("bedrock", "claude-haiku-4-5", "anthropic.claude-3-haiku", new ModelCapabilities(4096,
                null, null, null, null, null, null, null, null, null).over(ModelCatalog.builtIn().lookup(CLAUDE)));
        assertThat(translate(request.formatted(32000), small, Set.of()).inferenceConfig().maxTokens()).isEqualTo(4096);
    }

    @Test
    void theThinkingBudgetStaysBelowMaxTokensAndAdaptiveThinkingFollowsTheEffort() {
        ConverseInput big = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":32000,"thinking":{"type":"enabled","budget_tokens":50000},
                 "messages":[{"role":"user","content":"hi"}]}""");
        assertThat(fields(big).at("/thinking/budget_tokens").asInt()).isEqualTo(31999);
        ConverseInput adaptive = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":32000,"thinking":{"type":"adaptive","display":"omitted"},
                 "output_config":{"effort":"low"},"messages":[{"role":"user","content":"hi"}]}""");
        assertThat(fields(adaptive).at("/thinking").toString())
                .isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":4096}");
    }

    @Test
    void thinkingAsksForDefaultSamplingOnly() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":16000,"temperature":0.2,"top_p":0.5,"top_k":40,
                 "thinking":{"type":"enabled","budget_tokens":2048},"messages":[{"role":"user","content":"hi"}]}""");
        assertThat(input.inferenceConfig().temperature()).isNull();
        assertThat(input.inferenceConfig().topP()).isNull();
        assertThat(fields(input).has("top_k")).isFalse();
        ConverseInput plain = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":1000,"temperature":0.2,"top_p":0.5,"top_k":40,
                 "stop_sequences":["###"],"messages":[{"role":"user","content":"hi"}]}""");
        assertThat(plain.inferenceConfig().temperature()).isEqualTo(0.2f);
        assertThat(plain.inferenceConfig().topP()).as("Claude refuses temperature and top_p together").isNull();
        assertThat(plain.inferenceConfig().stopSequences()).containsExactly("###");
        assertThat(fields(plain).at("/top_k").asInt()).isEqualTo(40);
    }

    @Test
    void aToolLoopWhoseReasoningWasDroppedContinuesWithoutThinking() {
        String request = """
                {"model":"claude-sonnet-4-6","max_tokens":16000,"thinking":{"type":"enabled","budget_tokens":4000},
                 "tools":[{"name":"Read","input_schema":{"type":"object"}}],"messages":[%s]}""";
        ConverseInput unsigned = translate(request.formatted(TOOL_HISTORY));
        assertThat(fields(unsigned).has("thinking")).isFalse();
        String signedHistory = TOOL_HISTORY.replace("[{\"type\":\"text\",\"text\":\"Reading.\"},",
                "[{\"type\":\"thinking\",\"thinking\":\"need it\",\"signature\":\"" + SIGNATURE + "\"},"
                        + "{\"type\":\"text\",\"text\":\"Reading.\"},");
        ConverseInput signed = translate(request.formatted(signedHistory));
        assertThat(fields(signed).at("/thinking/type").asText()).isEqualTo("enabled");
    }

    @Test
    void claudeKnobsAreNotSentToOtherModels() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":16000,"top_k":40,
                 "thinking":{"type":"enabled","budget_tokens":4000},"messages":[{"role":"user","content":"hi"}]}""",
                model(NOVA), Set.of("interleaved-thinking-2025-05-14"));
        assertThat(input.additionalModelRequestFields()).isNull();
    }

    @Test
    void onlyBetaFlagsBedrockAcceptsAreForwarded() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":16000,"messages":[{"role":"user","content":"hi"}]}""",
                model(CLAUDE), Set.of("claude-code-20250219", "context-1m-2025-08-07", "interleaved-thinking-2025-05-14"));
        assertThat(fields(input).at("/anthropic_beta").toString()).isEqualTo("[\"context-1m-2025-08-07\"]");
    }

    @Test
    void systemPromptAndSystemMessagesBecomeSystemBlocksWithCachePoints() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,
                 "system":[{"type":"text","text":"You are Claude Code."},
                   {"type":"text","text":"Be brief.","cache_control":{"type":"ephemeral","ttl":"1h"}}],
                 "messages":[{"role":"user","content":"hi"},
                   {"role":"system","content":"<env>cwd: /repo</env>"},
                   {"role":"user","content":[{"type":"text","text":""},{"type":"text","text":"there",
                     "cache_control":{"type":"ephemeral"}}]}]}""");
        assertThat(input.system()).extracting(b -> b.text() != null ? b.text() : "cachePoint:" + b.cachePoint().ttlAsString())
                .containsExactly("You are Claude Code.", "Be brief.", "cachePoint:1h", "<env>cwd: /repo</env>");
        assertThat(input.messages()).hasSize(1);
        var content = input.messages().getFirst().content();
        assertThat(content.get(0).text()).isEqualTo("hi");
        assertThat(content.get(1).text()).as("empty text is skipped, neighbours merged").isEqualTo("there");
        assertThat(content.get(2).cachePoint()).isNotNull();
    }

    @Test
    void cachePointsAreLeftOutForModelsThatDoNotTakeThem() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,
                 "system":[{"type":"text","text":"S","cache_control":{"type":"ephemeral"}}],
                 "messages":[{"role":"user","content":"hi"}]}""", model(NOVA), Set.of());
        assertThat(input.system()).extracting(b -> b.text()).containsExactly("S");
    }

    @Test
    void inlineImagesGoAsBytesAndOthersAsPlaceholders() {
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"%s"}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/a.png"}},
                  {"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"%s"}},
                  {"type":"text","text":"what is this?"}]}]}""".formatted(png, png));
        var content = input.messages().getFirst().content();
        assertThat(content.get(0).image().format()).isEqualTo(ImageFormat.PNG);
        assertThat(content.get(0).image().source().bytes().asByteArray()).startsWith((byte) 0x89);
        assertThat(content.get(1).text()).contains("https://example.com/a.png");
        assertThat(content.get(2).text()).contains("image/bmp");
    }

    @Test
    void pdfDocumentsGoAsDocumentsWithUniqueNames() {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4".getBytes());
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[{"role":"user","content":[
                  {"type":"document","title":"report.pdf","source":{"type":"base64","media_type":"application/pdf","data":"%s"}},
                  {"type":"document","title":"report.pdf","source":{"type":"base64","media_type":"application/pdf","data":"%s"}}]}]}
                """.formatted(pdf, pdf));
        var content = input.messages().getFirst().content();
        assertThat(content.get(0).document().name()).isEqualTo("report pdf");
        assertThat(content.get(1).document().name()).isEqualTo("report pdf (2)");
        assertThat(content.get(2).text()).as("Bedrock wants a text beside documents").isNotBlank();
    }

    @Test
    void longToolNamesAreShortenedTheSameWayInToolsAndHistory() {
        String name = "mcp__a_very_long_server_name__" + "x".repeat(60);
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"tools":[{"name":"%s","input_schema":{}}],"messages":[
                  {"role":"user","content":"go"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_9","name":"%s","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_9","content":"ok"}]}]}
                """.formatted(name, name));
        String declared = input.toolConfig().tools().getFirst().toolSpec().name();
        assertThat(declared).hasSizeLessThanOrEqualTo(64);
        assertThat(input.messages().get(1).content().getFirst().toolUse().name()).isEqualTo(declared);
    }

    @Test
    void theConversationStartsWithTheUserAndAFinalPrefillHasNoTrailingSpace() {
        ConverseInput input = translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[
                  {"role":"assistant","content":"Earlier answer"},
                  {"role":"user","content":"and now?"},
                  {"role":"assistant","content":"The answer is "}]}""");
        List<Message> messages = input.messages();
        assertThat(messages).extracting(Message::role).containsExactly(ConversationRole.USER,
                ConversationRole.ASSISTANT, ConversationRole.USER, ConversationRole.ASSISTANT);
        assertThat(messages.getLast().content().getFirst().text()).isEqualTo("The answer is");
    }

    @Test
    void aRequestWithNothingToSayIsRejected() {
        assertThatThrownBy(() -> translate("""
                {"model":"claude-sonnet-4-6","max_tokens":512,"messages":[{"role":"user","content":""}]}"""))
                .isInstanceOf(InvalidRequestException.class);
    }
}
