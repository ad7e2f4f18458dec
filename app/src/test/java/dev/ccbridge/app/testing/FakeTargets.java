package dev.ccbridge.app.testing;

import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Fault;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.agent.Agent;
import dev.ccbridge.fake.rules.Errors;

/**
 * The app's tests talk to the shared fake provider as a Chat Completions service (ccbridge always
 * streams from it): a short answer with its token counts, or an error.
 */
public final class FakeTargets {
    private FakeTargets() {}

    /** A provider answering "pong" (12 prompt tokens, 3 completion tokens). */
    public static FakeProvider provider() {
        return FakeProvider.start(Profile.of(Dialect.CHAT).answering(Agent.saying("pong", 12, 3)));
    }

    /** A target for this provider (not yet in any registry). */
    public static Target target(FakeProvider provider, String name, String model) {
        return Target.builder().name(name).provider("fake").baseUrl(provider.baseUrl()).model(model)
                .apiMode(ApiMode.CHAT_COMPLETIONS).tiers(new ModelTiers(null, null, model + "-mini")).build();
    }

    /** From now on the provider answers {@code text} with these token counts. */
    public static void answering(FakeProvider provider, String text, int promptTokens, int completionTokens) {
        provider.use(provider.profile().answering(Agent.saying(text, promptTokens, completionTokens))
                .failing(Fault.NONE));
    }

    /** From now on the provider refuses every request with this status and message, as OpenAI words errors. */
    public static void failing(FakeProvider provider, int status, String message) {
        provider.use(provider.profile().failing(Fault.reply(Errors.openai(status, message, null, null))));
    }
}
