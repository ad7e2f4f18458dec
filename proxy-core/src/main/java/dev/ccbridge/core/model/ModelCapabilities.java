package dev.ccbridge.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an upstream model accepts and how it reasons. Every field may be null in the data file
 * and in a target's overrides ("not said here"); {@link #over} fills gaps from a lower layer, and
 * the catalog's default leaves none.
 *
 * @param reasoning        how the model returns reasoning: {@code none}; {@code hidden} (not returned);
 *                         {@code reasoning_content} (Chat field, need not be sent back);
 *                         {@code reasoning_content_replay} (must be sent back on assistant turns:
 *                         DeepSeek, Kimi thinking, GLM); {@code anthropic} (native thinking blocks)
 * @param reasoningControl how a request asks for reasoning: {@code none}, {@code reasoning_effort},
 *                         {@code openrouter} ({@code reasoning:{effort}}), {@code enable_thinking} (Qwen),
 *                         {@code thinking_type} ({@code thinking:{type:"enabled"}}), {@code adaptive_only}
 *                         (Anthropic models that take {@code thinking:{type:"adaptive"}} but no budget)
 * @param tokenParam       {@code max_tokens} or {@code max_completion_tokens}
 * @param rejects          request parameters the model refuses ({@code temperature}, {@code top_p}, {@code top_k},
 *                         {@code stop})
 * @param cacheControl     whether {@code cache_control} marks may be forwarded
 * @param toolIds          {@code any} or {@code nine_alphanumeric} (Mistral)
 * @param schemaDialect    {@code json_schema}, or {@code gemini} (a subset: no $schema, additionalProperties, ...)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCapabilities(Integer maxOutputTokens, Integer contextWindow, Boolean vision, String reasoning,
                                String reasoningControl, String tokenParam, List<String> rejects,
                                Boolean cacheControl, String toolIds, String schemaDialect) {

    public static final ModelCapabilities UNSPECIFIED =
            new ModelCapabilities(null, null, null, null, null, null, null, null, null, null);

    /** These values where set, else those of {@code lower}. */
    public ModelCapabilities over(ModelCapabilities lower) {
        if (lower == null) {
            return this;
        }
        return new ModelCapabilities(
                maxOutputTokens != null ? maxOutputTokens : lower.maxOutputTokens,
                contextWindow != null ? contextWindow : lower.contextWindow,
                vision != null ? vision : lower.vision,
                reasoning != null ? reasoning : lower.reasoning,
                reasoningControl != null ? reasoningControl : lower.reasoningControl,
                tokenParam != null ? tokenParam : lower.tokenParam,
                rejects != null ? rejects : lower.rejects,
                cacheControl != null ? cacheControl : lower.cacheControl,
                toolIds != null ? toolIds : lower.toolIds,
                schemaDialect != null ? schemaDialect : lower.schemaDialect);
    }

    public boolean takesImages() {
        return Boolean.TRUE.equals(vision);
    }

    public boolean rejectsParam(String name) {
        return rejects != null && rejects.contains(name);
    }

    public boolean replaysReasoning() {
        return "reasoning_content_replay".equals(reasoning);
    }

    public boolean usesMaxCompletionTokens() {
        return "max_completion_tokens".equals(tokenParam);
    }

    public boolean keepsCacheControl() {
        return Boolean.TRUE.equals(cacheControl);
    }

    public boolean adaptiveThinkingOnly() {
        return "adaptive_only".equals(reasoningControl);
    }

    public boolean wantsNineCharToolIds() {
        return "nine_alphanumeric".equals(toolIds);
    }
}
