package dev.ccbridge.core.translate.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.protocol.anthropic.ToolChoice;
import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Claude Code's tools and tool choice, as function-calling upstreams see them: only custom tools
 * exist there (Anthropic's server tools do not), and a choice naming a tool that cannot be
 * offered is the client's error. Web search, kept only for providers that search themselves, is
 * left to the model.
 */
public final class ToolChoices {
    /** What the request asks of the model; each upstream spells it its own way. */
    public sealed interface Choice {
        record Auto() implements Choice {}

        record Required() implements Choice {}

        record None() implements Choice {}

        record Named(String name) implements Choice {}
    }

    /** Where an OpenAI-style API puts the name of the function to call. */
    public enum FunctionShape {
        /** Chat Completions: {@code {"type":"function","function":{"name":...}}}. */
        NESTED,
        /** Responses: {@code {"type":"function","name":...}}. */
        FLAT
    }

    private ToolChoices() {}

    /** The choice as an OpenAI-style {@code tool_choice}, or null for the upstream's default. */
    public static JsonNode openAi(ToolChoice choice, List<Tool> tools, UnaryOperator<String> upstreamName,
                                  FunctionShape shape) {
        return of(choice, tools).map(resolved -> switch (resolved) {
            case Choice.Auto ignored -> (JsonNode) TextNode.valueOf("auto");
            case Choice.Required ignored -> TextNode.valueOf("required");
            case Choice.None ignored -> TextNode.valueOf("none");
            case Choice.Named named -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", "function");
                String name = upstreamName.apply(named.name());
                if (shape == FunctionShape.NESTED) {
                    node.putObject("function").put("name", name);
                } else {
                    node.put("name", name);
                }
                yield node;
            }
        }).orElse(null);
    }

    /** The tools an upstream can call: custom tools with a name. */
    public static List<Tool> custom(List<Tool> tools) {
        return tools.stream().filter(t -> t.isCustom() && t.name() != null).toList();
    }

    /** Empty when the request makes no choice (the upstream's default, auto, applies). */
    public static Optional<Choice> of(ToolChoice choice, List<Tool> tools) {
        if (choice == null || choice.type() == null) {
            return Optional.empty();
        }
        return Optional.of(switch (choice.type()) {
            case "any" -> new Choice.Required();
            case "none" -> new Choice.None();
            case "tool" -> {
                if (tools.stream().anyMatch(t -> WebSearchTool.is(t) && t.name() != null && t.name().equals(choice.name()))) {
                    // A provider's own search cannot be forced the same way everywhere; the prompt asks for it.
                    yield new Choice.Auto();
                }
                boolean offered = custom(tools).stream().anyMatch(t -> t.name().equals(choice.name()));
                if (!offered) {
                    throw new InvalidRequestException("tool_choice names tool '" + choice.name()
                            + "', which is not among the tools this upstream can call");
                }
                yield new Choice.Named(choice.name());
            }
            default -> new Choice.Auto();
        });
    }
}
