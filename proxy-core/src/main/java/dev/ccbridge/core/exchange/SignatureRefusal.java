package dev.ccbridge.core.exchange;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import java.util.Locale;

/**
 * An upstream's refusal of a thinking signature it cannot verify: Anthropic's and Bedrock's 400
 * "Invalid `signature` in `thinking` block" for thinking another endpoint signed, Gemini's
 * "Corrupted thought signature". ccbridge drops what it knows to be foreign, but a history from
 * before it tagged signatures (or from outside ccbridge) can still hold some: the request then
 * goes once more without its thinking blocks, before anything reached Claude Code.
 */
final class SignatureRefusal {
    private SignatureRefusal() {}

    static boolean is(ApiError error) {
        if (error.status() != 400 || error.message() == null) {
            return false;
        }
        String message = error.message().toLowerCase(Locale.ROOT);
        return message.contains("signature") && (message.contains("thinking") || message.contains("thought"));
    }
}
