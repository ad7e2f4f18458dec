package dev.ccbridge.fake.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Rule;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.Voice.ChatQuirk;
import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.Voice.ToolIds;
import dev.ccbridge.fake.rules.Errors;
import java.util.List;
import java.util.Optional;

/**
 * The local servers: Ollama, LM Studio and vLLM. Ollama and LM Studio ignore what they do not
 * know, so their profiles hold no rules, only their ways of answering; vLLM checks the output
 * limit against the context left after the prompt.
 */
final class LocalChat {
    /** vLLM's context for Qwen3-Coder-30B-A3B (its native window). */
    static final int VLLM_CONTEXT = 262_144;

    private LocalChat() {}

    /** Ollama's OpenAI layer: {@code reasoning}, short ids, a call's arguments whole, {@code stop} after tool calls. */
    static Profile ollama() {
        return Profile.of(Dialect.CHAT).named("ollama")
                .speaking(new Voice(ChatReasoning.REASONING, ToolIds.prefixed("call_"), Signer.OPENAI)
                        .with(ChatQuirk.WHOLE_ARGUMENTS, ChatQuirk.STOP_AFTER_TOOLS));
    }

    /** LM Studio: {@code reasoning_content} (its "separate reasoning" setting), arguments whole. */
    static Profile lmStudio() {
        return Profile.of(Dialect.CHAT).named("lmstudio")
                .speaking(new Voice(ChatReasoning.REASONING_CONTENT, ToolIds.prefixed(""), Signer.OPENAI)
                        .with(ChatQuirk.WHOLE_ARGUMENTS));
    }

    /** vLLM with a reasoning parser: {@code reasoning}; the prompt and the output limit must fit the context. */
    static Profile vllm() {
        return Profile.of(Dialect.CHAT).named("vllm")
                .speaking(new Voice(ChatReasoning.REASONING, ToolIds.prefixed("chatcmpl-tool-"), Signer.OPENAI))
                .enforcing(List.of(fitsContext(VLLM_CONTEXT)));
    }

    /** vLLM: the prompt's tokens plus the output limit fit in the model's context (a token is about 4 bytes here). */
    static Rule fitsContext(int context) {
        return new Rule("prompt and output limit fit the context", request -> {
            JsonNode body = request.json();
            long limit = body.path("max_completion_tokens").asLong(body.path("max_tokens").asLong(0));
            long input = request.body().length / 4;
            return input + limit > context
                    ? Optional.of(Errors.vllm("'max_tokens' or 'max_completion_tokens' is too large: " + limit
                    + ". This model's maximum context length is " + context + " tokens and your request has " + input
                    + " input tokens (" + limit + " > " + context + " - " + input + ").", null))
                    : Optional.empty();
        });
    }
}
