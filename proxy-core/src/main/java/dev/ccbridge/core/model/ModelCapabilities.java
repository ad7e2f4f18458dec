package dev.ccbridge.core.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * What an upstream model accepts and how it reasons. Every field may be null in the data file
 * and in a target's overrides ("not said here"); {@link #over} fills gaps from a lower layer, and
 * the catalog's default leaves none. In files each dialect is written by its wire name
 * ({@code "reasoning": "reasoning_content_replay"}); a name this version does not know reads as
 * {@code UNKNOWN}, which {@link #over} treats as "not said", so a newer file never breaks an older ccbridge.
 *
 * <p>Reasoning an upstream returned goes back to that upstream on the next turns whatever the
 * model is called; {@link #reasoning} only adds what is known of a model: that it must have its
 * reasoning back even when it was lost ({@code reasoning_content_replay}), or that it refuses it
 * ({@code no_replay}).
 *
 * @param rejects        request parameters the model refuses
 * @param cacheControl   whether {@code cache_control} marks may be forwarded (Anthropic, Bedrock, and
 *                       gateways that honour them in Chat requests, such as OpenRouter)
 * @param documents      whether PDF documents may be sent as files (Chat {@code file}, Responses {@code input_file})
 * @param promptCacheKey whether the upstream takes OpenAI's {@code prompt_cache_key} (one per Claude Code session)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCapabilities(Integer maxOutputTokens, Integer contextWindow, Boolean vision, Reasoning reasoning,
                                ReasoningControl reasoningControl, TokenParam tokenParam, Set<RequestParam> rejects,
                                Boolean cacheControl, ToolIdFormat toolIds, SchemaDialect schemaDialect,
                                Boolean documents, Boolean promptCacheKey) {

    /** How the model returns reasoning. */
    public enum Reasoning {
        /** None at all: reasoning parameters are never sent. */
        @JsonProperty("none") NONE,
        /** Not known (the default): the model may reason, so reasoning is asked for where a refusal can be undone. */
        @JsonProperty("possible") POSSIBLE,
        /** Reasons, but never returns it in readable form. */
        @JsonProperty("hidden") HIDDEN,
        /** Returns reasoning text (Chat {@code reasoning_content} or {@code reasoning}). */
        @JsonProperty("reasoning_content") REASONING_CONTENT,
        /**
         * Returns reasoning text and must see it again on every assistant turn, even one another
         * provider wrote (DeepSeek, Kimi thinking, GLM): a placeholder stands in for lost reasoning.
         */
        @JsonProperty("reasoning_content_replay") REASONING_CONTENT_REPLAY,
        /** Returns reasoning text but refuses it in requests (answers 400): it is never sent back. */
        @JsonProperty("no_replay") NO_REPLAY,
        /**
         * Reasons hidden and signs its tool calls (Gemini 3): a call without its thought signature
         * is refused, so one another provider wrote gets Google's documented placeholder.
         */
        @JsonProperty("thought_signatures") THOUGHT_SIGNATURES,
        /** Native Anthropic thinking blocks. */
        @JsonProperty("anthropic") ANTHROPIC,
        @JsonEnumDefaultValue UNKNOWN
    }

    /** How a request asks for reasoning. */
    public enum ReasoningControl {
        @JsonProperty("none") NONE,
        /** OpenAI's {@code reasoning_effort}. */
        @JsonProperty("reasoning_effort") REASONING_EFFORT,
        /** OpenRouter's {@code reasoning: {effort}}. */
        @JsonProperty("openrouter") OPENROUTER,
        /** Qwen's {@code enable_thinking}. */
        @JsonProperty("enable_thinking") ENABLE_THINKING,
        /** {@code thinking: {type: "enabled"}} (GLM, Kimi). */
        @JsonProperty("thinking_type") THINKING_TYPE,
        /** Anthropic models that take {@code thinking: {type: "adaptive"}} but no budget. */
        @JsonProperty("adaptive_only") ADAPTIVE_ONLY,
        @JsonEnumDefaultValue UNKNOWN
    }

    /** The name of the output limit in a Chat request. */
    public enum TokenParam {
        @JsonProperty("max_tokens") MAX_TOKENS,
        @JsonProperty("max_completion_tokens") MAX_COMPLETION_TOKENS,
        @JsonEnumDefaultValue UNKNOWN
    }

    /** The tool-call ids the upstream accepts. */
    public enum ToolIdFormat {
        @JsonProperty("any") ANY,
        /** Mistral: exactly nine letters and digits. */
        @JsonProperty("nine_alphanumeric") NINE_ALPHANUMERIC,
        @JsonEnumDefaultValue UNKNOWN
    }

    /** The JSON Schema dialect of tool parameters. */
    public enum SchemaDialect {
        @JsonProperty("json_schema") JSON_SCHEMA,
        /** Gemini's OpenAPI subset: no {@code $schema}, {@code additionalProperties}, ... */
        @JsonProperty("gemini") GEMINI,
        @JsonEnumDefaultValue UNKNOWN
    }

    /** Request parameters a model may refuse. */
    public enum RequestParam {
        @JsonProperty("temperature") TEMPERATURE,
        @JsonProperty("top_p") TOP_P,
        @JsonProperty("top_k") TOP_K,
        @JsonProperty("stop") STOP,
        @JsonEnumDefaultValue UNKNOWN
    }

    public static final ModelCapabilities UNSPECIFIED =
            new ModelCapabilities(null, null, null, null, null, null, null, null, null, null, null, null);

    /** Capabilities that say nothing about documents or the prompt cache key. */
    public ModelCapabilities(Integer maxOutputTokens, Integer contextWindow, Boolean vision, Reasoning reasoning,
                             ReasoningControl reasoningControl, TokenParam tokenParam, Set<RequestParam> rejects,
                             Boolean cacheControl, ToolIdFormat toolIds, SchemaDialect schemaDialect) {
        this(maxOutputTokens, contextWindow, vision, reasoning, reasoningControl, tokenParam, rejects, cacheControl,
                toolIds, schemaDialect, null, null);
    }

    public ModelCapabilities {
        rejects = rejects == null ? null : Set.copyOf(rejects);
    }

    /** These values where set, else those of {@code lower}. */
    public ModelCapabilities over(ModelCapabilities lower) {
        if (lower == null) {
            return this;
        }
        return new ModelCapabilities(
                either(maxOutputTokens, lower.maxOutputTokens),
                either(contextWindow, lower.contextWindow),
                either(vision, lower.vision),
                known(reasoning, Reasoning.UNKNOWN, lower.reasoning),
                known(reasoningControl, ReasoningControl.UNKNOWN, lower.reasoningControl),
                known(tokenParam, TokenParam.UNKNOWN, lower.tokenParam),
                either(rejects, lower.rejects),
                either(cacheControl, lower.cacheControl),
                known(toolIds, ToolIdFormat.UNKNOWN, lower.toolIds),
                known(schemaDialect, SchemaDialect.UNKNOWN, lower.schemaDialect),
                either(documents, lower.documents),
                either(promptCacheKey, lower.promptCacheKey));
    }

    public boolean takesImages() {
        return Boolean.TRUE.equals(vision);
    }

    public boolean rejectsParam(RequestParam param) {
        return rejects != null && rejects.contains(param);
    }

    /** Whether every assistant turn must carry reasoning, a placeholder where it was lost. */
    public boolean demandsReasoningBack() {
        return reasoning == Reasoning.REASONING_CONTENT_REPLAY;
    }

    /** Whether reasoning the model returned may go back to it (all but those known to refuse it). */
    public boolean acceptsReasoningBack() {
        return reasoning != Reasoning.NO_REPLAY;
    }

    /** Whether the model may reason: reasoning parameters are sent unless it is known not to. */
    public boolean mayReason() {
        return reasoning != Reasoning.NONE;
    }

    /** Whether its tool calls must carry thought signatures (Gemini 3). */
    public boolean signsToolCalls() {
        return reasoning == Reasoning.THOUGHT_SIGNATURES;
    }

    public boolean takesDocuments() {
        return Boolean.TRUE.equals(documents);
    }

    public boolean usesMaxCompletionTokens() {
        return tokenParam == TokenParam.MAX_COMPLETION_TOKENS;
    }

    public boolean keepsCacheControl() {
        return Boolean.TRUE.equals(cacheControl);
    }

    public boolean takesPromptCacheKey() {
        return Boolean.TRUE.equals(promptCacheKey);
    }

    public boolean adaptiveThinkingOnly() {
        return reasoningControl == ReasoningControl.ADAPTIVE_ONLY;
    }

    public boolean wantsNineCharToolIds() {
        return toolIds == ToolIdFormat.NINE_ALPHANUMERIC;
    }

    private static <T> T either(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <E extends Enum<E>> E known(E value, E unknown, E fallback) {
        return value != null && value != unknown ? value : fallback;
    }
}
