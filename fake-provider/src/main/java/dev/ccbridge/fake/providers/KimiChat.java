package dev.ccbridge.fake.providers;

import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Signer;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.rules.ChatRules;
import dev.ccbridge.fake.rules.Errors;
import java.util.List;

/**
 * Moonshot's Kimi K2 thinking models: {@code reasoning_content} that must come back on assistant
 * tool-call messages, and tool-call ids of the form {@code functions.<name>:<n>} (which contain
 * characters Anthropic's ids may not).
 */
final class KimiChat {
    private KimiChat() {}

    static Profile profile() {
        return Profile.of(Dialect.CHAT).named("moonshot")
                .speaking(new Voice(ChatReasoning.REASONING_CONTENT,
                        (turn, call, name) -> "functions." + name + ":" + (turn * 10 + call), Signer.OPENAI))
                .enforcing(List.of(DeepSeekChat.thinkingMode(ChatRules.toolCallTurnsCarry("reasoning_content",
                        (index, field) -> Errors.brief("thinking is enabled but reasoning_content is missing in "
                                + "assistant tool call message at index " + index, null)))));
    }
}
