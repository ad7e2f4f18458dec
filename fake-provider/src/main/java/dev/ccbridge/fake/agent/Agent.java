package dev.ccbridge.fake.agent;

/** A scripted model: the next turn for a conversation. */
@FunctionalInterface
public interface Agent {
    Turn next(Conversation conversation);

    /** Always the same text. */
    static Agent saying(String text) {
        return conversation -> Turn.text(text);
    }

    /** The same text with these token counts. */
    static Agent saying(String text, int inputTokens, int outputTokens) {
        return conversation -> Turn.text(text).withUsage(inputTokens, outputTokens);
    }
}
