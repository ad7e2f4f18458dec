package dev.ccbridge.bench;

import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import java.util.Map;

/** One typical target per API mode, and the model a Claude Code request resolves to on it. */
public final class BenchTargets {
    private static final ModelRouter ROUTER = new ModelRouter(ModelCatalog.builtIn());

    private BenchTargets() {}

    public static Target target(ApiMode mode, String baseUrl) {
        String model = switch (mode) {
            case CHAT_COMPLETIONS -> "gpt-4.1";
            case CODEX_RESPONSES -> "gpt-5-codex";
            case ANTHROPIC_MESSAGES -> "claude-sonnet-4-5";
            case BEDROCK_CONVERSE -> "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
            case CODEX_APP_SERVER -> throw new IllegalArgumentException("not benchmarked: " + mode);
        };
        return Target.builder().id("bench-" + mode.wireName()).name("Bench " + mode.wireName()).provider("bench")
                .baseUrl(baseUrl).model(model).apiMode(mode).build();
    }

    public static ResolvedModel model(Target target) {
        return ROUTER.resolve(target, "claude-sonnet-4-6");
    }
}
