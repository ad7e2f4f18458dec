package dev.ccbridge.fake.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Rule;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.Voice.ToolIds;
import dev.ccbridge.fake.rules.Errors;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bedrock's Converse API serving Claude: {@code toolConfig} whenever the history holds tool
 * blocks, no blank text, roles that alternate, tool-use ids of {@code [a-zA-Z0-9_-]+}, the
 * model's output limit, and reasoning only with Claude's signatures ({@code ValidationException}).
 */
final class BedrockConverse {
    /** Claude Sonnet 4.6 and Opus 4.7 on Bedrock. */
    static final int MAX_OUTPUT = 128_000;
    static final Pattern TOOL_USE_ID = Pattern.compile("[a-zA-Z0-9_-]+");

    private BedrockConverse() {}

    static Profile profile() {
        return Profile.of(Dialect.BEDROCK).named("bedrock")
                .speaking(new Voice(ChatReasoning.NONE, ToolIds.prefixed("tooluse_"), Signer.CLAUDE))
                .enforcing(List.of(maxTokens(), toolConfig(), eachBlock("no blank text", BedrockConverse::blankText),
                        alternatingRoles(), eachBlock("tool-use ids match " + TOOL_USE_ID, BedrockConverse::toolUseId),
                        eachBlock("reasoning signed by Claude", BedrockConverse::signedReasoning)));
    }

    private static Rule maxTokens() {
        return new Rule("maxTokens at most " + MAX_OUTPUT, request -> {
            long value = request.json().path("inferenceConfig").path("maxTokens").asLong(0);
            return value <= MAX_OUTPUT ? Optional.empty() : Optional.of(Errors.bedrockValidation(
                    "The maximum tokens you requested exceeds the model limit of " + MAX_OUTPUT
                            + ". Try again with a maximum tokens value that is lower than " + MAX_OUTPUT + "."));
        });
    }

    private static Rule toolConfig() {
        return new Rule("toolConfig with tool blocks", request -> {
            JsonNode messages = request.json().path("messages");
            boolean toolBlocks = messages.findParent("toolUse") != null || messages.findParent("toolResult") != null;
            return !toolBlocks || request.json().has("toolConfig") ? Optional.empty()
                    : Optional.of(Errors.bedrockValidation(
                    "The toolConfig field must be defined when using toolUse and toolResult content blocks."));
        });
    }

    private static Rule alternatingRoles() {
        return new Rule("roles alternate", request -> {
            JsonNode messages = request.json().path("messages");
            for (int i = 1; i < messages.size(); i++) {
                String role = messages.get(i).path("role").asText();
                if (role.equals(messages.get(i - 1).path("role").asText())) {
                    return Optional.of(Errors.bedrockValidation("A conversation must alternate between user and "
                            + "assistant roles. Make sure the conversation alternates between user and assistant "
                            + "roles and try again."));
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<Reply> blankText(int message, int index, JsonNode block) {
        return block.has("text") && block.path("text").asText().isBlank()
                ? Optional.of(Errors.bedrockValidation("The text field in the ContentBlock object at messages."
                + message + ".content." + index + " is blank. Add text to the text field, and try again."))
                : Optional.empty();
    }

    private static Optional<Reply> toolUseId(int message, int index, JsonNode block) {
        String kind = block.has("toolUse") ? "toolUse" : "toolResult";
        String id = block.path(kind).path("toolUseId").asText(null);
        return id == null || TOOL_USE_ID.matcher(id).matches() ? Optional.empty()
                : Optional.of(Errors.bedrockValidation("1 validation error detected: Value '" + id + "' at 'messages."
                + (message + 1) + ".member.content." + (index + 1) + ".member." + kind + ".toolUseId' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+"));
    }

    private static Optional<Reply> signedReasoning(int message, int index, JsonNode block) {
        JsonNode reasoning = block.path("reasoningContent");
        JsonNode text = reasoning.path("reasoningText");
        boolean signed = !block.has("reasoningContent") || reasoning.has("redactedContent")
                || Signer.CLAUDE.verifies(text.path("text").asText(), text.path("signature").asText());
        return signed ? Optional.empty() : Optional.of(Errors.bedrockValidation("The model returned the following "
                + "errors: messages." + message + ".content." + index + ": Invalid `signature` in `thinking` block"));
    }

    @FunctionalInterface
    interface BlockCheck {
        Optional<Reply> check(int message, int block, JsonNode content);
    }

    static Rule eachBlock(String name, BlockCheck check) {
        return new Rule(name, request -> {
            JsonNode messages = request.json().path("messages");
            for (int i = 0; i < messages.size(); i++) {
                JsonNode content = messages.get(i).path("content");
                for (int j = 0; j < content.size(); j++) {
                    Optional<Reply> refusal = check.check(i, j, content.get(j));
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                }
            }
            return Optional.empty();
        });
    }
}
