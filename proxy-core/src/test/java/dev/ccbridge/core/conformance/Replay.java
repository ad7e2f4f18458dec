package dev.ccbridge.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.agent.TaskAgent;
import java.util.List;

/**
 * Whether the reasoning a provider gave came back to it on the next request, in the form it gave
 * it: beyond what the provider's rules demand (DeepSeek only checks that the field is there),
 * ccbridge must return the provider's own reasoning, not a stand-in.
 */
final class Replay {
    private Replay() {}

    /** The follow-up request (the one with the tool's result) carries back what the first answer reasoned. */
    static void assertReasoningCameBack(Profile profile, List<Received> received) {
        JsonNode followUp = received.getLast().json();
        String body = "the follow-up's assistant turns: " + assistantTurns(followUp);
        switch (profile.dialect()) {
            case CHAT -> {
                JsonNode call = toolCallTurn(followUp.path("messages"));
                switch (profile.voice().reasoning()) {
                    case REASONING_CONTENT -> assertThat(call.path("reasoning_content").asText()).as(body)
                            .isEqualTo(TaskAgent.REASONING);
                    case REASONING -> assertThat(call.path("reasoning").asText()).as(body)
                            .isEqualTo(TaskAgent.REASONING);
                    case REASONING_DETAILS -> assertThat(call.path("reasoning_details").findValuesAsText("type"))
                            .as(body).contains("reasoning.text", "reasoning.encrypted");
                    case THOUGHT_SIGNATURES -> assertThat(call
                            .at("/tool_calls/0/extra_content/google/thought_signature").asText()).as(body).startsWith("Ci");
                    case NONE -> { }
                }
            }
            case RESPONSES -> assertThat(followUp.path("input").findValuesAsText("encrypted_content")).as(body)
                    .singleElement().asString().startsWith("gAAAAB");
            case ANTHROPIC -> {
                JsonNode thinking = assistantWithTool(followUp.path("messages"), "tool_use").path("content").path(0);
                assertThat(thinking.path("type").asText()).as(body).isEqualTo("thinking");
                assertThat(thinking.path("thinking").asText()).as(body).isEqualTo(TaskAgent.REASONING);
            }
            case BEDROCK -> {
                JsonNode reasoning = assistantWithTool(followUp.path("messages"), "toolUse").path("content").path(0)
                        .path("reasoningContent").path("reasoningText");
                assertThat(reasoning.path("text").asText()).as(body).isEqualTo(TaskAgent.REASONING);
                assertThat(reasoning.path("signature").asText()).as(body).isNotBlank();
            }
        }
    }

    /** The assistant messages (Responses: the reasoning and call items) of a request, for a failure message. */
    private static String assistantTurns(JsonNode body) {
        var out = new StringBuilder();
        for (JsonNode item : body.has("input") ? body.path("input") : body.path("messages")) {
            String type = item.path("type").asText();
            boolean assistant = item.path("role").asText().equals("assistant");
            if (assistant || type.equals("reasoning") || type.equals("function_call")) {
                out.append(item).append(' ');
            }
        }
        return out.toString();
    }

    private static JsonNode toolCallTurn(JsonNode messages) {
        for (JsonNode message : messages) {
            if (message.path("tool_calls").size() > 0) {
                return message;
            }
        }
        throw new AssertionError("no assistant message with tool calls in " + messages);
    }

    private static JsonNode assistantWithTool(JsonNode messages, String blockKey) {
        for (JsonNode message : messages) {
            boolean assistant = message.path("role").asText().equals("assistant");
            if (assistant && message.path("content").toString().contains(blockKey)) {
                return message;
            }
        }
        throw new AssertionError("no assistant message with " + blockKey + " in " + messages);
    }
}
