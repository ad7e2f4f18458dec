package dev.ccbridge.fake.providers;

import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Jsons;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.rules.ChatRules;
import dev.ccbridge.fake.rules.Errors;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Moonshot's Kimi K2 thinking models: {@code reasoning_content} that must come back on assistant
 * tool-call messages, and tool-call ids of the form {@code functions.<name>:<n>} (which contain
 * characters Anthropic's ids may not). Kimi reads those ids back from the history: shown another
 * form, it does not refuse the request but derails, writing its raw tool-call markup as text.
 */
final class KimiChat {
    static final Pattern KIMI_ID = Pattern.compile("functions\\.[^:]+:\\d+");
    static final Voice VOICE = new Voice(ChatReasoning.REASONING_CONTENT,
            (turn, call, name) -> "functions." + name + ":" + (turn * 10 + call), Signer.OPENAI);

    private KimiChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("moonshot").speaking(VOICE)
                .enforcing(List.of(
                        DeepSeekChat.thinkingMode(ChatRules.toolCallTurnsCarry("reasoning_content",
                                (index, field) -> Errors.brief("thinking is enabled but reasoning_content is missing "
                                        + "in assistant tool call message at index " + index, null))),
                        ChatRules.toolCallIds(KIMI_ID, (index, id) -> derailed())));
    }

    /** What Kimi answers to a history with rewritten ids: its tool-call markup as plain text, and a stop. */
    static Reply derailed() {
        var chunk = Jsons.object();
        chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta")
                .put("role", "assistant").put("content", "<|tool_calls_section_begin|><|tool_call_begin|>"
                        + "functions.Bash:1<|tool_call_argument_begin|>{}<|tool_call_end|><|tool_calls_section_end|>");
        return Reply.sse(List.of("data: " + Jsons.write(chunk) + "\n\n", "data: [DONE]\n\n"));
    }
}
