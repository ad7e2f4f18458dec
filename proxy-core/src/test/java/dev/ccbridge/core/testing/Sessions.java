package dev.ccbridge.core.testing;

import dev.ccbridge.fake.FakeProvider;

/** What happened in a Claude Code session, for a failure message. */
public final class Sessions {
    private Sessions() {}

    /** Claude Code's exit and output, the gateway's log, and the provider's refusals. */
    public static String story(ClaudeCode.Result result, GatewayHarness gateway, FakeProvider... providers) {
        var out = new StringBuilder("claude exit ").append(result.exit()).append(": ").append(result.output());
        gateway.log.snapshot().forEach(record -> out.append("\n  gateway ")
                .append(record.completion().map(c -> c.status() + " " + (c.failure() == null ? "" : c.failure().message()))
                        .orElse("in flight"))
                .append(' ').append(record.routing().requestedModel()).append(" -> ")
                .append(record.routing().upstreamModel()));
        for (FakeProvider provider : providers) {
            out.append("\n  ").append(provider.profile().name()).append(" got ").append(provider.received().size())
                    .append(" requests");
            provider.refusals().forEach(refusal -> out.append("\n  ").append(provider.profile().name())
                    .append(" refused request ").append(refusal.request()).append(" with ").append(refusal.status())
                    .append(": ").append(refusal.body()));
        }
        return out.toString();
    }
}
