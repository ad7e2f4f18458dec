package dev.ccbridge.app.targets;

import dev.ccbridge.core.model.ModelCapabilities;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a target may say about its models over the catalog's table, as the editor offers it:
 * typed numbers, a list of parameter names, or a choice among {@link CapabilityValue}s.
 */
public enum Capability {
    MAX_OUTPUT_TOKENS("Max output tokens"),
    CONTEXT_WINDOW("Context window"),
    VISION("Images"),
    REASONING("Reasoning returned"),
    REASONING_CONTROL("Reasoning switch"),
    TOKEN_PARAM("Output limit field"),
    REJECTS("Rejected params"),
    CACHE_CONTROL("cache_control"),
    TOOL_IDS("Tool call ids"),
    SCHEMA_DIALECT("Tool schemas");

    /** The request parameters a model may refuse (the {@code rejects} list). */
    public static final List<String> PARAMETERS = List.of("temperature", "top_p", "top_k", "stop");

    private final String caption;

    Capability(String caption) {
        this.caption = caption;
    }

    public String caption() {
        return caption;
    }

    /** The values to choose from; empty for a typed field. */
    public List<CapabilityValue> choices() {
        return Arrays.stream(CapabilityValue.values()).filter(v -> v.capability() == this).toList();
    }

    /** How a config value reads in the editor: its label, or the value itself when this version does not know it. */
    public String label(String wire) {
        return choices().stream().filter(v -> v.wire().equals(wire)).map(CapabilityValue::label).findFirst()
                .orElse(wire);
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
            case REASONING -> caps.reasoning();
            case REASONING_CONTROL -> caps.reasoningControl();
            case TOKEN_PARAM -> caps.tokenParam();
            case REJECTS -> caps.rejects() == null ? null
                    : caps.rejects().isEmpty() ? "none" : String.join(", ", caps.rejects());
            case CACHE_CONTROL -> caps.cacheControl();
            case TOOL_IDS -> caps.toolIds();
            case SCHEMA_DIALECT -> caps.schemaDialect();
        };
        return Objects.toString(value, "");
    }
}
