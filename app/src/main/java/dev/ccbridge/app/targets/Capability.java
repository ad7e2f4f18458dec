package dev.ccbridge.app.targets;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCapabilities.Reasoning;
import dev.ccbridge.core.model.ModelCapabilities.ReasoningControl;
import dev.ccbridge.core.model.ModelCapabilities.RequestParam;
import dev.ccbridge.core.model.ModelCapabilities.SchemaDialect;
import dev.ccbridge.core.model.ModelCapabilities.TokenParam;
import dev.ccbridge.core.model.ModelCapabilities.ToolIdFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a target may say about its models over the catalog's table, one per component of the
 * core's {@link ModelCapabilities}, as the editor offers it: typed numbers, a list of parameter
 * names, or a choice among the core's own values (its enums, and yes/no). The editor's text for
 * a choice is the value's name in the config file ({@code reasoning_content_replay}).
 */
public enum Capability {
    MAX_OUTPUT_TOKENS("Max output tokens", List.of()),
    CONTEXT_WINDOW("Context window", List.of()),
    VISION("Images", List.of(true, false)),
    REASONING("Reasoning returned", known(Reasoning.values(), Reasoning.UNKNOWN)),
    REASONING_CONTROL("Reasoning switch", known(ReasoningControl.values(), ReasoningControl.UNKNOWN)),
    TOKEN_PARAM("Output limit field", known(TokenParam.values(), TokenParam.UNKNOWN)),
    REJECTS("Rejected params", List.of()),
    CACHE_CONTROL("cache_control", List.of(true, false)),
    TOOL_IDS("Tool call ids", known(ToolIdFormat.values(), ToolIdFormat.UNKNOWN)),
    SCHEMA_DIALECT("Tool schemas", known(SchemaDialect.values(), SchemaDialect.UNKNOWN)),
    DOCUMENTS("PDF documents", List.of(true, false)),
    PROMPT_CACHE_KEY("prompt_cache_key", List.of(true, false));

    /** The request parameters a model may refuse (the {@code rejects} list), by their names in the file. */
    public static final List<String> PARAMETERS = known(RequestParam.values(), RequestParam.UNKNOWN).stream()
            .map(Capability::wire).toList();

    private final String caption;
    private final List<Object> choices;

    Capability(String caption, List<Object> choices) {
        this.caption = caption;
        this.choices = choices;
    }

    public String caption() {
        return caption;
    }

    /** The values to choose from, by their names in the file; empty for a typed-in field. */
    public List<String> choices() {
        return choices.stream().map(Capability::wire).toList();
    }

    /** The core's value a choice's text names; null when blank or not a value this version knows. */
    public Object value(String text) {
        return choices.stream().filter(choice -> wire(choice).equals(text)).findFirst().orElse(null);
    }

    /** How a value reads in the editor: its label, or the text itself when this version does not know it. */
    public String label(String text) {
        Object value = value(text);
        return switch (value) {
            case null -> text;
            case Boolean yes when this == VISION -> yes ? "Yes" : "No";
            case Boolean yes when this == CACHE_CONTROL -> yes ? "Forwarded" : "Removed";
            case Boolean yes when this == DOCUMENTS -> yes ? "Sent as files" : "Left out, with a note";
            case Boolean yes -> yes ? "Sent (one per Claude Code session)" : "Not sent";
            case Reasoning reasoning -> switch (reasoning) {
                case NONE -> "No reasoning";
                case POSSIBLE -> "Possible (asked for where a refusal can be undone)";
                case HIDDEN -> "Hidden (not returned)";
                case REASONING_CONTENT -> "In reasoning_content";
                case REASONING_CONTENT_REPLAY -> "In reasoning_content, sent back each turn";
                case NO_REPLAY -> "In reasoning_content, never sent back";
                case THOUGHT_SIGNATURES -> "Hidden, tool calls signed (Gemini 3)";
                case ANTHROPIC -> "Anthropic thinking blocks";
                case UNKNOWN -> text;
            };
            case ReasoningControl control -> switch (control) {
                case NONE -> "Cannot be asked for";
                case OPENROUTER -> "OpenRouter reasoning.effort";
                case ENABLE_THINKING -> "enable_thinking (Qwen)";
                case THINKING_TYPE -> "thinking.type enabled";
                case ADAPTIVE_ONLY -> "Adaptive thinking only";
                case REASONING_EFFORT, UNKNOWN -> text;
            };
            case ToolIdFormat format -> format == ToolIdFormat.NINE_ALPHANUMERIC ? "9 letters and digits (Mistral)"
                    : format == ToolIdFormat.ANY ? "Any" : text;
            case SchemaDialect dialect -> dialect == SchemaDialect.GEMINI ? "Gemini's subset"
                    : dialect == SchemaDialect.JSON_SCHEMA ? "JSON Schema" : text;
            default -> text; // the token parameters read best by their own names
        };
    }

    /** How the catalog's value reads beside a choice; an unset yes/no reads as no, which is how ccbridge takes it. */
    public String catalogLabel(ModelCapabilities catalog) {
        String text = text(catalog);
        return label(text.isEmpty() && choices.contains(false) ? wire(false) : text);
    }

    /** This capability's value in {@code caps} as the editor's text ("" when not set). */
    public String text(ModelCapabilities caps) {
        if (caps == null) {
            return "";
        }
        Object value = switch (this) {
            case MAX_OUTPUT_TOKENS -> caps.maxOutputTokens();
            case CONTEXT_WINDOW -> caps.contextWindow();
            case VISION -> caps.vision();
            case REASONING -> known(caps.reasoning(), Reasoning.UNKNOWN);
            case REASONING_CONTROL -> known(caps.reasoningControl(), ReasoningControl.UNKNOWN);
            case TOKEN_PARAM -> known(caps.tokenParam(), TokenParam.UNKNOWN);
            case REJECTS -> caps.rejects() == null ? null : parameterText(caps.rejects());
            case CACHE_CONTROL -> caps.cacheControl();
            case TOOL_IDS -> known(caps.toolIds(), ToolIdFormat.UNKNOWN);
            case SCHEMA_DIALECT -> known(caps.schemaDialect(), SchemaDialect.UNKNOWN);
            case DOCUMENTS -> caps.documents();
            case PROMPT_CACHE_KEY -> caps.promptCacheKey();
        };
        return value instanceof String words ? words : value == null ? "" : wire(value);
    }

    /** "temperature, top_p", or "none" for an empty list. */
    private static String parameterText(Collection<RequestParam> params) {
        return params.isEmpty() ? "none" : params.stream().filter(p -> p != RequestParam.UNKNOWN)
                .map(Capability::wire).sorted().collect(Collectors.joining(", "));
    }

    /** A value's name in the config file: the enums' wire names, {@code true}/{@code false}. */
    static String wire(Object value) {
        return value instanceof Enum<?> ? Json.CONFIG.convertValue(value, String.class) : Objects.toString(value);
    }

    private static <E extends Enum<E>> E known(E value, E unknown) {
        return value == unknown ? null : value;
    }

    private static <E extends Enum<E>> List<Object> known(E[] values, E unknown) {
        return Arrays.stream(values).filter(v -> v != unknown).map(Object.class::cast).toList();
    }
}
