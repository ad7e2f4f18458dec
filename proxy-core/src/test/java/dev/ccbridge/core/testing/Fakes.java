package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * A provider of this mode answering every request with the event-stream chunks {@code answer}
     * makes of its body: for a scripted model that needs protocol pieces the agent does not write
     * (a search call, citations, a failure event).
     */
    public static FakeProvider scripted(ApiMode mode, Function<JsonNode, List<String>> answer) {
        return FakeProvider.start(Profile.of(dialect(mode))
                .replying(request -> Reply.sse(answer.apply(request.json()))));
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
