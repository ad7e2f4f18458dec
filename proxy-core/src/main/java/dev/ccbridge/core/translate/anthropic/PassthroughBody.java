package dev.ccbridge.core.translate.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.json.JsonSplice;
import dev.ccbridge.core.model.ModelCapabilities.RequestParam;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body an Anthropic-compatible upstream receives: Claude Code's own bytes with {@code model}
 * set to the mapped model and {@code max_tokens} clamped, plus only what the upstream would reject
 * taken out and its own signatures restored (see {@link HistoryCleanup}). Untouched top-level
 * fields keep their exact bytes. Pure.
 */
public final class PassthroughBody {
    /** Top-level sampling fields, by the name capabilities use for them. */
    private static final Map<String, RequestParam> SAMPLING = Map.of("temperature", RequestParam.TEMPERATURE,
            "top_p", RequestParam.TOP_P, "top_k", RequestParam.TOP_K, "stop_sequences", RequestParam.STOP);

    /** Anthropic's smallest thinking budget. */
    static final int MIN_THINKING_BUDGET = 1024;

    private PassthroughBody() {}

    /** A {@code POST /v1/messages} body (or a count_tokens body, which has no {@code max_tokens}). */
    public static byte[] rewrite(byte[] raw, ResolvedModel model) {
        ObjectNode root = parse(raw);
        Map<String, JsonNode> replace = new LinkedHashMap<>();
        Set<String> remove = new LinkedHashSet<>();

        if (!model.upstream().equals(root.path("model").asText(null))) {
            replace.put("model", TextNode.valueOf(model.upstream()));
        }
        Integer maxTokens = null;
        if (root.path("max_tokens").canConvertToInt()) {
            int requested = root.path("max_tokens").asInt();
            maxTokens = model.clampMaxTokens(requested);
            if (maxTokens != requested) {
                replace.put("max_tokens", IntNode.valueOf(maxTokens));
            }
        }

        // Sampling the model refuses (Claude Code shapes requests for the Claude model it believes in).
        SAMPLING.forEach((field, capability) -> {
            if (root.has(field) && model.capabilities().rejectsParam(capability)) {
                remove.add(field);
            }
        });

        var cleanup = new HistoryCleanup(!model.capabilities().keepsCacheControl(), GatewaySignatures.origin(model));
        cleanup.messages(root.get("messages")).ifPresent(messages -> replace.put("messages", messages));
        cleanup.stripCacheControl(root.get("system")).ifPresent(system -> replace.put("system", system));
        cleanup.stripCacheControl(root.get("tools")).ifPresent(tools -> replace.put("tools", tools));

        JsonNode messages = replace.getOrDefault("messages", root.get("messages"));
        ThinkingFix thinking = thinkingFix(root.get("thinking"), messages, maxTokens,
                model.capabilities().adaptiveThinkingOnly());
        applyThinking(thinking, root, maxTokens, replace, remove);

        return JsonSplice.apply(raw, replace, remove).orElseGet(() -> wholeTree(root, replace, remove));
    }

    private enum ThinkingFix { KEEP, ADAPTIVE, CLAMP_BUDGET, DROP }

    /**
     * With thinking on, Anthropic wants the assistant turn that opened the current tool loop to start
     * with a thinking block; after dropping foreign or unsigned ones it may not, and then thinking
     * must be off for this request ("To avoid this requirement, disable thinking"). A budget the
     * clamped {@code max_tokens} no longer exceeds is lowered, or thinking dropped if it cannot fit;
     * a budget for a model that only thinks adaptively becomes adaptive thinking.
     */
    private static ThinkingFix thinkingFix(JsonNode thinking, JsonNode messages, Integer maxTokens,
                                           boolean adaptiveOnly) {
        String type = thinking == null ? null : thinking.path("type").asText(null);
        if (!"enabled".equals(type) && !"adaptive".equals(type)) {
            return ThinkingFix.KEEP;
        }
        if (HistoryCleanup.toolLoopLacksThinking(messages)) {
            return ThinkingFix.DROP;
        }
        if ("enabled".equals(type) && adaptiveOnly) {
            return ThinkingFix.ADAPTIVE;
        }
        if ("enabled".equals(type) && maxTokens != null && thinking.path("budget_tokens").canConvertToInt()
                && thinking.path("budget_tokens").asInt() >= maxTokens) {
            return maxTokens - 1 >= MIN_THINKING_BUDGET ? ThinkingFix.CLAMP_BUDGET : ThinkingFix.DROP;
        }
        return ThinkingFix.KEEP;
    }

    private static void applyThinking(ThinkingFix fix, ObjectNode root, Integer maxTokens,
                                      Map<String, JsonNode> replace, Set<String> remove) {
        switch (fix) {
            case KEEP -> { }
            case ADAPTIVE -> {
                ObjectNode adaptive = root.get("thinking").deepCopy();
                adaptive.put("type", "adaptive");
                adaptive.remove("budget_tokens");
                replace.put("thinking", adaptive);
            }
            case CLAMP_BUDGET -> {
                ObjectNode clamped = root.get("thinking").deepCopy();
                clamped.put("budget_tokens", maxTokens - 1);
                replace.put("thinking", clamped);
            }
            case DROP -> {
                remove.add("thinking");
                JsonNode management = root.get("context_management");
                if (onlyThinkingEdits(management)) {
                    remove.add("context_management");
                } else {
                    withoutThinkingEdits(management).ifPresent(edited -> replace.put("context_management", edited));
                }
            }
        }
    }

    /** {@code context_management} without the thinking-clearing edits, which Anthropic refuses without thinking. */
    private static Optional<JsonNode> withoutThinkingEdits(JsonNode management) {
        if (management == null || !management.path("edits").isArray()) {
            return Optional.empty();
        }
        ObjectNode copy = management.deepCopy();
        ArrayNode kept = Json.WIRE.createArrayNode();
        boolean dropped = false;
        for (JsonNode edit : management.get("edits")) {
            if (isThinkingEdit(edit)) {
                dropped = true;
            } else {
                kept.add(edit);
            }
        }
        copy.set("edits", kept);
        return dropped ? Optional.of(copy) : Optional.empty();
    }

    private static boolean onlyThinkingEdits(JsonNode management) {
        JsonNode edits = management == null ? null : management.get("edits");
        if (edits == null || !edits.isArray() || edits.isEmpty()) {
            return false;
        }
        for (JsonNode edit : edits) {
            if (!isThinkingEdit(edit)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isThinkingEdit(JsonNode edit) {
        return edit.path("type").asText("").startsWith("clear_thinking");
    }

    private static ObjectNode parse(byte[] raw) {
        try {
            JsonNode node = Json.WIRE.readTree(raw);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException("could not read the request body");
        }
        throw new InvalidRequestException("request body is not a JSON object");
    }

    /** Fallback when the bytes cannot be spliced (duplicate keys): the edited tree, in the client's key order. */
    private static byte[] wholeTree(ObjectNode root, Map<String, JsonNode> replace, Set<String> remove) {
        ObjectNode copy = root.deepCopy();
        replace.forEach(copy::set);
        remove.forEach(copy::remove);
        return Json.write(copy).getBytes(StandardCharsets.UTF_8);
    }
}
