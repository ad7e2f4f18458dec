package dev.ccbridge.core.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCapabilities.Reasoning;
import dev.ccbridge.core.model.ModelCapabilities.ReasoningControl;
import dev.ccbridge.core.target.ApiMode;

/**
 * One model as Anthropic's Models API describes it, every field its current clients read
 * (anthropic-java 3.x checks {@code lifecycle}, {@code capabilities} and the token limits), with
 * what the model can do through ccbridge: the upstream model's limits and inputs, and features
 * only where ccbridge carries them (Anthropic's own server-side features through a passthrough
 * target serving Claude, thinking and effort wherever the model reasons).
 *
 * @param line the Claude family ({@code opus}, {@code sonnet}, {@code haiku}), or null for other models
 */
@JsonPropertyOrder({"type", "id", "display_name", "created_at", "lifecycle", "line", "deprecated_at", "retires_at",
        "max_input_tokens", "max_tokens", "capabilities"})
record ModelInfo(String type, String id, String displayName, String createdAt, String lifecycle,
                 @JsonInclude(JsonInclude.Include.ALWAYS) String line,
                 @JsonInclude(JsonInclude.Include.ALWAYS) String deprecatedAt,
                 @JsonInclude(JsonInclude.Include.ALWAYS) String retiresAt,
                 Integer maxInputTokens, Integer maxTokens, Capabilities capabilities) {

    /** One fixed date: ccbridge does not know when a model was released, and the list stays stable. */
    static final String CREATED_AT = "2026-01-01T00:00:00Z";

    /** A model ccbridge offers, answered by an upstream model with {@code caps} in {@code mode}. */
    static ModelInfo of(String id, String displayName, String line, ModelCapabilities caps, ApiMode mode) {
        return new ModelInfo("model", id, displayName, CREATED_AT, "active", line, null, null,
                caps.contextWindow(), caps.maxOutputTokens(), Capabilities.of(caps, mode));
    }

    record Support(boolean supported) {
        static final Support YES = new Support(true);
        static final Support NO = new Support(false);

        static Support of(boolean supported) {
            return supported ? YES : NO;
        }
    }

    @JsonPropertyOrder({"batch", "citations", "code_execution", "context_management", "effort", "image_input",
            "pdf_input", "server_tools", "structured_outputs", "thinking"})
    record Capabilities(Support batch, Support citations, Support codeExecution, ContextManagement contextManagement,
                        Effort effort, Support imageInput, Support pdfInput, ServerTools serverTools,
                        Support structuredOutputs, Thinking thinking) {

        static Capabilities of(ModelCapabilities caps, ApiMode mode) {
            // Anthropic's server-side features exist only where ccbridge relays to Claude itself.
            boolean claudeServer = mode == ApiMode.ANTHROPIC_MESSAGES && caps.reasoning() == Reasoning.ANTHROPIC;
            boolean claude = caps.reasoning() == Reasoning.ANTHROPIC;
            boolean reasons = caps.mayReason();
            boolean effort = claude || reasons && caps.reasoningControl() != null
                    && caps.reasoningControl() != ReasoningControl.NONE;
            Support server = Support.of(claudeServer);
            return new Capabilities(Support.NO, server, Support.NO,
                    new ContextManagement(claudeServer, server, server, server),
                    new Effort(effort, Support.of(effort), Support.of(effort), Support.of(effort), Support.of(effort),
                            Support.of(effort)),
                    Support.of(caps.takesImages()), Support.of(caps.takesDocuments()),
                    new ServerTools(claudeServer, Support.NO, server), server,
                    new Thinking(reasons, new ThinkingTypes(Support.of(reasons), Support.of(claude), Support.YES,
                            Support.of(reasons))));
        }
    }

    record ContextManagement(boolean supported,
                             @JsonProperty("clear_thinking_20251015") Support clearThinking,
                             @JsonProperty("clear_tool_uses_20250919") Support clearToolUses,
                             @JsonProperty("compact_20260112") Support compact) {}

    record Effort(boolean supported, Support low, Support medium, Support high, Support max, Support xhigh) {}

    record ServerTools(boolean supported, Support codeExecution, Support webSearch) {}

    record Thinking(boolean supported, ThinkingTypes types) {}

    record ThinkingTypes(Support adaptive, Support betweenTools, Support disabled, Support enabled) {}
}
