package dev.ccbridge.core.testing;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import java.util.Map;

/** Targets at the fake provider, whatever the mode. */
public final class Fakes {
    private Fakes() {}

    /** The fake's protocol for a target's API mode. */
    public static Dialect dialect(ApiMode mode) {
        return switch (mode) {
            case CHAT_COMPLETIONS -> Dialect.CHAT;
            case CODEX_RESPONSES -> Dialect.RESPONSES;
            case ANTHROPIC_MESSAGES -> Dialect.ANTHROPIC;
            case BEDROCK_CONVERSE -> Dialect.BEDROCK;
            default -> throw new IllegalArgumentException("no fake speaks " + mode);
        };
    }

    /** A plain fake provider of this mode: the marker agent, no rules. */
    public static FakeProvider start(ApiMode mode) {
        return FakeProvider.start(Profile.of(dialect(mode)));
    }

    /** A target with id {@code fake} at the fake provider (Bedrock: through its endpoint option). */
    public static Target target(ApiMode mode, FakeProvider fake, String model) {
        var target = Target.builder().id("fake").name("Fake").provider("fake").baseUrl(fake.baseUrl()).model(model)
                .apiMode(mode);
        if (mode == ApiMode.BEDROCK_CONVERSE) {
            target.options(Map.of("region", "us-east-1", "endpoint", fake.rootUrl()));
        }
        return target.build();
    }
}
