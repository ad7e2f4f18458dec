package dev.ccbridge.fake;

import dev.ccbridge.fake.agent.Conversation;
import dev.ccbridge.fake.agent.Turn;
import java.util.Set;

/**
 * How a provider puts its answer into its protocol, where providers of one protocol differ: where
 * Chat reasoning goes, how tool-call ids look, and who signs reasoning.
 */
public record Voice(ChatReasoning reasoning, ToolIds toolIds, Signer signer, Set<ChatQuirk> quirks) {
    /** Where a Chat provider puts its reasoning. */
    public enum ChatReasoning {
        /** Not shown (OpenAI's reasoning models in Chat). */
        NONE,
        /** {@code reasoning_content} (DeepSeek, Kimi, Qwen, GLM, vLLM, LM Studio). */
        REASONING_CONTENT,
        /** {@code reasoning} (Groq, Ollama, newer vLLM). */
        REASONING,
        /** {@code reasoning} plus {@code reasoning_details} (OpenRouter). */
        REASONING_DETAILS,
        /** Not shown, but each turn's first tool call carries a thought signature (Gemini 3). */
        THOUGHT_SIGNATURES
    }

    /** Odd but harmless ways of some Chat servers (Ollama, older vLLM). */
    public enum ChatQuirk {
        /** A tool call's arguments whole, in the chunk that names it. */
        WHOLE_ARGUMENTS,
        /** {@code finish_reason: "stop"} after tool calls, where OpenAI says {@code tool_calls}. */
        STOP_AFTER_TOOLS
    }

    public Voice {
        quirks = Set.copyOf(quirks);
    }

    public Voice(ChatReasoning reasoning, ToolIds toolIds, Signer signer) {
        this(reasoning, toolIds, signer, Set.of());
    }

    /**
     * The id of a tool call: {@code turn} counts the history's assistant turns, {@code call} the
     * calls of this one, {@code name} is the tool's.
     */
    @FunctionalInterface
    public interface ToolIds {
        String id(int turn, int call, String name);

        /** A prefix and 24 letters and digits, as OpenAI's {@code call_} and Anthropic's {@code toolu_} ids. */
        static ToolIds prefixed(String prefix) {
            return (turn, call, name) -> prefix + Base62.of("call-" + turn + "-" + call, 24);
        }

        /** Exactly nine letters and digits (Mistral). */
        static ToolIds nineAlphanumerics() {
            return (turn, call, name) -> Base62.of("call-" + turn + "-" + call, 9);
        }
    }

    /** The id of an answer's {@code call}-th tool call. */
    public String callId(Conversation conversation, Turn turn, int call) {
        return toolIds.id(conversation.assistantTurns(), call, turn.calls().get(call).name());
    }

    public Voice withReasoning(ChatReasoning where) {
        return new Voice(where, toolIds, signer, quirks);
    }

    public Voice withToolIds(ToolIds ids) {
        return new Voice(reasoning, ids, signer, quirks);
    }

    public Voice signedBy(Signer by) {
        return new Voice(reasoning, toolIds, by, quirks);
    }

    public Voice with(ChatQuirk... more) {
        return new Voice(reasoning, toolIds, signer, Set.of(more));
    }

    public boolean has(ChatQuirk quirk) {
        return quirks.contains(quirk);
    }
}
