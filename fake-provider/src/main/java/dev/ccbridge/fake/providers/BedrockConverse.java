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
                .enforcing(List.of(
                        new Rule("maxTokens at most " + MAX_OUTPUT, request -> {
                            long value = request.json().path("inferenceConfig").path("maxTokens").asLong(0);
                            return value > MAX_OUTPUT ? Optional.of(Errors.bedrockValidation("The maximum tokens you "
                                    + "requested exceeds the model limit of " + MAX_OUTPUT + ". Try again with a maximum "
                                    + "tokens value that is lower than " + MAX_OUTPUT + ".")) : Optional.empty();
                        }),
                        new Rule("toolConfig with tool blocks", request -> {
                            boolean toolBlocks = request.json().path("messages").findParent("toolUse") != null
                                    || request.json().path("messages").findParent("toolResult") != null;
                            return toolBlocks && !request.json().has("toolConfig")
                                    ? Optional.of(Errors.bedrockValidation("The toolConfig field must be defined when "
                                    + "using toolUse and toolResult content blocks.")) : Optional.empty();
                        }),
                        eachBlock("no blank text", (i, j, block) -> block.has("text") && block.path("text").asText().isBlank()
                                ? Optional.of(Errors.bedrockValidation("The text field in the ContentBlock object at "
                                + "messages." + i + ".content." + j + " is blank. Add text to the text field, and try again."))
                                : Optional.empty()),
                        new Rule("roles alternate", request -> {
                            JsonNode messages = request.json().path("messages");
                            for (int i = 1; i < messages.size(); i++) {
                                if (messages.get(i).path("role").asText().equals(messages.get(i - 1).path("role").asText())) {
                                    return Optional.of(Errors.bedrockValidation("A conversation must alternate between "
                                            + "user and assistant roles. Make sure the conversation alternates between user "
                                            + "and assistant roles and try again."));
                                }
                            }
                            return Optional.empty();
                        }),
                        eachBlock("tool-use ids match " + TOOL_USE_ID, (i, j, block) -> {
                            String id = block.has("toolUse") ? block.path("toolUse").path("toolUseId").asText()
                                    : block.path("toolResult").path("toolUseId").asText(null);
                            String kind = block.has("toolUse") ? "toolUse" : "toolResult";
                            return id != null && !TOOL_USE_ID.matcher(id).matches()
                                    ? Optional.of(Errors.bedrockValidation("1 validation error detected: Value '" + id
                                    + "' at 'messages." + (i + 1) + ".member.content." + (j + 1) + ".member." + kind
                                    + ".toolUseId' failed to satisfy constraint: Member must satisfy regular expression "
                                    + "pattern: [a-zA-Z0-9_-]+")) : Optional.empty();
                        }),
                        eachBlock("reasoning signed by Claude", (i, j, block) -> {
                            JsonNode text = block.path("reasoningContent").path("reasoningText");
                            return block.has("reasoningContent") && !block.path("reasoningContent").has("redactedContent")
                                    && !Signer.CLAUDE.verifies(text.path("text").asText(), text.path("signature").asText())
                                    ? Optional.of(Errors.bedrockValidation("The model returned the following errors: "
                                    + "messages." + i + ".content." + j + ": Invalid `signature` in `thinking` block"))
                                    : Optional.empty();
                        })));
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
