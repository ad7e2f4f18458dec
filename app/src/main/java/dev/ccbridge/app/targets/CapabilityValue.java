package dev.ccbridge.app.targets;

/**
 * The values a choice among a model's capabilities can take, with their names in the config
 * file and in the editor. Mirrors the string values of the core's {@code ModelCapabilities}
 * until the core types them as enums; then this maps onto those.
 */
public enum CapabilityValue {
    IMAGES_YES(Capability.VISION, "true", "Yes"),
    IMAGES_NO(Capability.VISION, "false", "No"),
    REASONING_NONE(Capability.REASONING, "none", "No reasoning"),
    REASONING_HIDDEN(Capability.REASONING, "hidden", "Hidden (not returned)"),
    REASONING_CONTENT(Capability.REASONING, "reasoning_content", "In reasoning_content"),
    REASONING_REPLAY(Capability.REASONING, "reasoning_content_replay", "In reasoning_content, sent back each turn"),
    REASONING_ANTHROPIC(Capability.REASONING, "anthropic", "Anthropic thinking blocks"),
    CONTROL_NONE(Capability.REASONING_CONTROL, "none", "Cannot be asked for"),
    CONTROL_EFFORT(Capability.REASONING_CONTROL, "reasoning_effort", "reasoning_effort"),
    CONTROL_OPENROUTER(Capability.REASONING_CONTROL, "openrouter", "OpenRouter reasoning.effort"),
    CONTROL_ENABLE_THINKING(Capability.REASONING_CONTROL, "enable_thinking", "enable_thinking (Qwen)"),
    CONTROL_THINKING_TYPE(Capability.REASONING_CONTROL, "thinking_type", "thinking.type enabled"),
    CONTROL_ADAPTIVE(Capability.REASONING_CONTROL, "adaptive_only", "Adaptive thinking only"),
    MAX_TOKENS(Capability.TOKEN_PARAM, "max_tokens", "max_tokens"),
    MAX_COMPLETION_TOKENS(Capability.TOKEN_PARAM, "max_completion_tokens", "max_completion_tokens"),
    CACHE_YES(Capability.CACHE_CONTROL, "true", "Forwarded"),
    CACHE_NO(Capability.CACHE_CONTROL, "false", "Removed"),
    TOOL_IDS_ANY(Capability.TOOL_IDS, "any", "Any"),
    TOOL_IDS_NINE(Capability.TOOL_IDS, "nine_alphanumeric", "9 letters and digits (Mistral)"),
    SCHEMA_JSON(Capability.SCHEMA_DIALECT, "json_schema", "JSON Schema"),
    SCHEMA_GEMINI(Capability.SCHEMA_DIALECT, "gemini", "Gemini's subset");

    private final Capability capability;
    private final String wire;
    private final String label;

    CapabilityValue(Capability capability, String wire, String label) {
        this.capability = capability;
        this.wire = wire;
        this.label = label;
    }

    public Capability capability() {
        return capability;
    }

    /** The value in the config file. */
    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }
}
