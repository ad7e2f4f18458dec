package dev.ccbridge.fake.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Rule;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Rules of Chat Completions servers, each refusing in the words its provider gives. */
public final class ChatRules {
    private ChatRules() {}

    /** What a refusal says about one message: its index and the offending value. */
    @FunctionalInterface
    public interface AtMessage {
        Reply refuse(int index, String value);
    }

    /** What a refusal says about a property of one message. */
    @FunctionalInterface
    public interface AtProperty {
        Reply refuse(int index, String role, String property);
    }

    /** The output limit ({@code max_tokens} or {@code max_completion_tokens}) is at most {@code max}. */
    public static Rule maxTokensAtMost(int max, BiFunction<String, Integer, Reply> refusal) {
        return new Rule("output limit at most " + max, request -> {
            for (String field : new String[] {"max_tokens", "max_completion_tokens"}) {
                JsonNode value = request.json().path(field);
                if (value.isNumber() && (value.asLong() > max || value.asLong() < 1)) {
                    return Optional.of(refusal.apply(field, value.asInt()));
                }
            }
            return Optional.empty();
        });
    }

    /** A request parameter the model refuses (OpenAI's reasoning models: {@code max_tokens}). */
    public static Rule refusesParameter(String field, Reply refusal) {
        return new Rule("no " + field, request -> request.json().has(field) ? Optional.of(refusal) : Optional.empty());
    }

    /** Only these top-level parameters. */
    public static Rule knownParameters(Set<String> known, Function<String, Reply> refusal) {
        return new Rule("only known parameters", request -> {
            for (Iterator<String> names = request.json().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    return Optional.of(refusal.apply(name));
                }
            }
            return Optional.empty();
        });
    }

    /** Only these properties on messages of each role (Groq's strict schema). */
    public static Rule knownMessageProperties(Map<String, Set<String>> byRole, AtProperty refusal) {
        return new Rule("only known message properties", request -> {
            JsonNode messages = request.json().path("messages");
            for (int i = 0; i < messages.size(); i++) {
                String role = messages.get(i).path("role").asText();
                Set<String> known = byRole.getOrDefault(role, Set.of());
                for (Iterator<String> names = messages.get(i).fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!known.contains(name)) {
                        return Optional.of(refusal.refuse(i, role, name));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Every tool-call id (on assistant calls and tool results) matches {@code pattern}. */
    public static Rule toolCallIds(Pattern pattern, AtMessage refusal) {
        return new Rule("tool-call ids match " + pattern,
                request -> firstBadId(request, id -> pattern.matcher(id).matches(), true, refusal));
    }

    /** Tool-call ids are at most {@code max} characters (OpenAI: 40). */
    public static Rule toolCallIdsAtMost(int max, AtMessage refusal) {
        return new Rule("tool-call ids at most " + max + " characters",
                request -> firstBadId(request, id -> id.length() <= max, false, refusal));
    }

    /** The first id that is not {@code valid}: on assistant calls, and on tool results when {@code results}. */
    private static Optional<Reply> firstBadId(Received request, Predicate<String> valid, boolean results,
                                              AtMessage refusal) {
        JsonNode messages = request.json().path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            for (JsonNode call : message.path("tool_calls")) {
                if (!valid.test(call.path("id").asText())) {
                    return Optional.of(refusal.refuse(i, call.path("id").asText()));
                }
            }
            if (results && message.has("tool_call_id") && !valid.test(message.path("tool_call_id").asText())) {
                return Optional.of(refusal.refuse(i, message.path("tool_call_id").asText()));
            }
        }
        return Optional.empty();
    }

    /**
     * In thinking mode, every assistant message with tool calls carries {@code field} (DeepSeek,
     * Kimi, MiMo: the reasoning it returned). Only the field's presence is checked, as they do.
     */
    public static Rule toolCallTurnsCarry(String field, AtMessage refusal) {
        return new Rule("assistant tool-call turns carry " + field, request -> {
            JsonNode messages = request.json().path("messages");
            for (int i = 0; i < messages.size(); i++) {
                JsonNode message = messages.get(i);
                if (message.path("role").asText().equals("assistant") && message.path("tool_calls").size() > 0
                        && (!message.has(field) || message.get(field).isNull())) {
                    return Optional.of(refusal.refuse(i, field));
                }
            }
            return Optional.empty();
        });
    }

    /** No tool's parameter schema uses one of these keywords, nor a list of types (Gemini's schema subset). */
    public static Rule schemaKeywords(Set<String> refused, BiFunction<String, String, Reply> refusal) {
        return new Rule("tool schemas in the supported subset", request -> {
            JsonNode tools = request.json().path("tools");
            for (int i = 0; i < tools.size(); i++) {
                String at = "tools[0].function_declarations[" + i + "].parameters";
                Optional<Reply> found = scan(tools.get(i).path("function").path("parameters"), at, refused, refusal);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<Reply> scan(JsonNode schema, String at, Set<String> refused,
                                        BiFunction<String, String, Reply> refusal) {
        if (!schema.isObject()) {
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (refused.contains(field.getKey())) {
                return Optional.of(refusal.apply(field.getKey(), at));
            }
            if (field.getKey().equals("type") && field.getValue().isArray()) {
                return Optional.of(refusal.apply("type", at));
            }
        }
        int index = 0;
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Optional<Reply> found = scan(properties.next().getValue(), at + ".properties[" + index++ + "].value",
                    refused, refusal);
            if (found.isPresent()) {
                return found;
            }
        }
        Optional<Reply> items = scan(schema.path("items"), at + ".items", refused, refusal);
        if (items.isPresent()) {
            return items;
        }
        for (String union : new String[] {"anyOf", "oneOf"}) {
            JsonNode options = schema.path(union);
            for (int i = 0; i < options.size(); i++) {
                Optional<Reply> found = scan(options.get(i), at + ".any_of[" + i + "]", refused, refusal);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The index of the last user message that is not a tool result: the current turn starts after it. */
    public static int currentTurnStart(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).path("role").asText().equals("user")) {
                return i;
            }
        }
        return 0;
    }
}
