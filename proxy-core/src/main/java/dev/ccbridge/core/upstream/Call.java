package dev.ccbridge.core.upstream;

import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.Timeouts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One attempt at one target: the request, where it goes and with which key, and the signal that
 * Claude Code went away.
 *
 * @param model  the upstream model and its capabilities
 * @param apiKey the target's key, if it has one
 */
public record Call(ClientRequest request, Target target, ResolvedModel model, Optional<String> apiKey,
                   Cancellation cancellation) {

    public Timeouts timeouts() {
        return target.timeouts();
    }

    /** Scrubs the target's key, and header values that look like credentials, from anything reported. */
    public Redactor redactor() {
        List<String> secrets = new ArrayList<>();
        apiKey.ifPresent(secrets::add);
        target.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("key") || lower.contains("auth") || lower.contains("token")
                    || lower.contains("secret")) {
                secrets.add(value.startsWith("Bearer ") ? value.substring(7) : value);
            }
        });
        return new Redactor(secrets);
    }

    /** How this call's failures read for Claude Code. */
    public UpstreamErrors errors() {
        return new UpstreamErrors(target.displayName(), redactor(), request.estimatedInputTokens(),
                model.capabilities().contextWindow());
    }
}
