package dev.ccbridge.fake.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Rule;
import dev.ccbridge.fake.Signer;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Rules of Anthropic's Messages API, and of gateways that copy parts of it. */
public final class AnthropicRules {
    static final Pattern ID = Pattern.compile("^[a-zA-Z0-9_-]+$");

    private AnthropicRules() {}

    /** {@code max_tokens} at most the model's output limit. */
    public static Rule maxTokensAtMost(int max) {
        return new Rule("max_tokens at most " + max, request -> {
            long value = request.json().path("max_tokens").asLong(0);
            return value > max ? Optional.of(Errors.anthropic("max_tokens: " + value + " > " + max + ", which is the "
                    + "maximum allowed number of output tokens for " + request.json().path("model").asText()))
                    : Optional.empty();
        });
    }

    /** Every thinking block carries a signature this provider made for its text. */
    public static Rule signedThinking(Signer signer) {
        return new Rule("thinking signed by this provider", request -> {
            JsonNode messages = request.json().path("messages");
            for (int i = 0; i < messages.size(); i++) {
                JsonNode content = messages.get(i).path("content");
                for (int j = 0; j < content.size(); j++) {
                    JsonNode block = content.get(j);
                    if (!block.path("type").asText().equals("thinking")) {
                        continue;
                    }
                    if (!block.hasNonNull("signature")) {
                        return Optional.of(Errors.anthropic("messages." + i + ".content." + j
                                + ".thinking.signature: Field required"));
                    }
                    if (!signer.verifies(block.path("thinking").asText(), block.path("signature").asText())) {
                        return Optional.of(Errors.anthropic("messages." + i + ".content." + j
                                + ": Invalid `signature` in `thinking` block"));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * With thinking enabled (a budget), the assistant message of an open tool loop starts with
     * thinking. Adaptive thinking may skip thinking, so it is not held to this.
     */
    public static Rule toolLoopOpensWithThinking() {
        return new Rule("an open tool loop starts with thinking", request -> {
            if (!request.json().path("thinking").path("type").asText().equals("enabled")) {
                return Optional.empty();
            }
            JsonNode messages = request.json().path("messages");
            int last = messages.size() - 1;
            if (last < 1 || !hasBlock(messages.get(last), "tool_result")) {
                return Optional.empty();
            }
            JsonNode assistant = messages.get(last - 1);
            String first = assistant.path("content").path(0).path("type").asText();
            if (!first.equals("thinking") && !first.equals("redacted_thinking")) {
                return Optional.of(Errors.anthropic("messages." + (last - 1) + ".content.0.type: Expected "
                        + "`thinking` or `redacted_thinking`, but found `" + first + "`. When `thinking` is enabled, a "
                        + "final `assistant` message must start with a thinking block (preceeding the lastmost set of "
                        + "`tool_use` and `tool_result` blocks). We recommend you include thinking blocks from "
                        + "previous turns. To avoid this requirement, disable `thinking`. Please consult our "
                        + "documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking"));
            }
            return Optional.empty();
        });
    }

    /** Each {@code tool_use} is answered by a {@code tool_result} in the next message. */
    public static Rule toolUsesAnswered() {
        return new Rule("every tool_use answered in the next message", request -> {
            JsonNode messages = request.json().path("messages");
            for (int i = 0; i < messages.size(); i++) {
                Set<String> open = new HashSet<>();
                for (JsonNode block : messages.get(i).path("content")) {
                    if (block.path("type").asText().equals("tool_use")) {
                        open.add(block.path("id").asText());
                    }
                }
                if (open.isEmpty()) {
                    continue;
                }
                if (i + 1 < messages.size()) {
                    for (JsonNode block : messages.get(i + 1).path("content")) {
                        open.remove(block.path("tool_use_id").asText());
                    }
                }
                if (!open.isEmpty() && i + 1 < messages.size()) {
                    return Optional.of(Errors.anthropic("messages." + (i + 1) + ": `tool_use` ids were found "
                            + "without `tool_result` blocks immediately after: " + String.join(", ", open) + ". Each "
                            + "`tool_use` block must have a corresponding `tool_result` block in the next message."));
                }
            }
            return Optional.empty();
        });
    }

    /** Tool-use ids match {@code ^[a-zA-Z0-9_-]+$}. */
    public static Rule toolUseIds() {
        return new Rule("tool_use ids match " + ID, request -> {
            JsonNode messages = request.json().path("messages");
            for (int i = 0; i < messages.size(); i++) {
                JsonNode content = messages.get(i).path("content");
                for (int j = 0; j < content.size(); j++) {
                    JsonNode block = content.get(j);
                    String id = block.path(block.has("tool_use_id") ? "tool_use_id" : "id").asText();
                    String type = block.path("type").asText();
                    if ((type.equals("tool_use") || type.equals("tool_result")) && !ID.matcher(id).matches()) {
                        String field = type.equals("tool_use") ? "id" : "tool_use_id";
                        return Optional.of(Errors.anthropic("messages." + i + ".content." + j + "." + type + "." + field
                                + ": String should match pattern '^[a-zA-Z0-9_-]+$'"));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** At most four {@code cache_control} marks, none on thinking blocks. */
    public static Rule cacheControlLimits() {
        return new Rule("at most 4 cache_control marks, none on thinking", request -> {
            int marks = count(request.json().path("system")) + count(request.json().path("tools"));
            JsonNode messages = request.json().path("messages");
            for (int i = 0; i < messages.size(); i++) {
                JsonNode content = messages.get(i).path("content");
                for (int j = 0; j < content.size(); j++) {
                    JsonNode block = content.get(j);
                    if (block.has("cache_control") && block.path("type").asText().equals("thinking")) {
                        return Optional.of(Errors.anthropic("messages." + i + ".content." + j
                                + ".thinking.cache_control: Extra inputs are not permitted"));
                    }
                }
                marks += count(content);
            }
            return marks > 4 ? Optional.of(Errors.anthropic("A maximum of 4 blocks with cache_control may be provided. "
                    + "Found " + marks + ".")) : Optional.empty();
        });
    }

    /** Gateways in thinking mode: every assistant turn that used a tool carries its thinking back. */
    public static Rule toolTurnsCarryThinking(Function<Integer, Reply> refusal) {
        return new Rule("assistant tool turns carry their thinking", request -> {
            if (request.json().path("thinking").path("type").asText("enabled").equals("disabled")) {
                return Optional.empty();
            }
            JsonNode messages = request.json().path("messages");
            for (int i = 0; i < messages.size(); i++) {
                JsonNode message = messages.get(i);
                if (message.path("role").asText().equals("assistant") && hasBlock(message, "tool_use")
                        && !hasBlock(message, "thinking") && !hasBlock(message, "redacted_thinking")) {
                    return Optional.of(refusal.apply(i));
                }
            }
            return Optional.empty();
        });
    }

    /** Strict gateways: {@code cache_control} only as {@code {"type":"ephemeral"}}, no {@code ttl}. */
    public static Rule noCacheTtl(Reply refusal) {
        return new Rule("cache_control without ttl", request ->
                request.json().findValues("cache_control").stream().anyMatch(mark -> mark.has("ttl"))
                        ? Optional.of(refusal) : Optional.empty());
    }

    private static int count(JsonNode blocks) {
        int marks = 0;
        for (JsonNode block : blocks) {
            marks += block.has("cache_control") ? 1 : 0;
        }
        return marks;
    }

    private static boolean hasBlock(JsonNode message, String type) {
        for (JsonNode block : message.path("content")) {
            if (block.path("type").asText().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
