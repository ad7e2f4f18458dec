package dev.ccbridge.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.RoutingRule.Condition;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetRouterTest {
    private static final String TEXT = "{\"model\":\"%s\",\"max_tokens\":10,%s\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String IMAGE = """
            {"model":"claude-sonnet-4-6","max_tokens":10,"messages":[{"role":"user","content":[
              {"type":"text","text":"what is this?"},
              {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}""";

    private TargetRegistry registry;
    private TargetRouter router;
    private Target deepseek;

    @BeforeEach
    void targets() {
        registry = new TargetRegistry(new GatewayConfig(0, 0, null, null, List.of(), null), null);
        deepseek = registry.put(target("deepseek", "deepseek-v4-flash", false));
        registry.put(target("openai", "gpt-5.5", true));
        registry.put(target("groq", "llama-4-scout", false));
        router = new TargetRouter(registry, new ModelRouter(ModelCatalog.builtIn()));
    }

    private static Target target(String id, String model, boolean vision) {
        return Target.builder().id(id).name(id).provider(id).baseUrl("https://" + id + ".example/v1").model(model)
                .apiMode(ApiMode.CHAT_COMPLETIONS).tiers(new ModelTiers(null, null, model + "-small"))
                .capabilities(new ModelCapabilities(null, null, vision, null, null, null, null, null, null, null))
                .build();
    }

    private void globally(RoutingRule... rules) {
        registry.setRouting(List.of(rules));
        deepseek = registry.byId("deepseek").orElseThrow();
    }

    private TargetRouter.Decision route(String body) {
        return route(body, false, 100);
    }

    private TargetRouter.Decision route(String body, boolean pinned, long tokens) {
        try {
            return router.route(deepseek, pinned, Json.WIRE.readValue(body, MessagesRequest.class), tokens);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String model) {
        return TEXT.formatted(model, "");
    }

    @Test
    void withoutRulesEveryRequestStaysWhereClaudeCodeSentIt() {
        var decision = route(text("claude-haiku-4-5"));

        assertThat(decision.target().id()).isEqualTo("deepseek");
        assertThat(decision.model()).isEqualTo("claude-haiku-4-5");
        assertThat(decision.reason()).isNull();
    }

    @Test
    void backgroundWorkOnTheHaikuTierGoesToTheCheapTarget() {
        globally(new RoutingRule(Condition.HAIKU, "groq", null, null));

        var haiku = route(text("claude-haiku-4-5-20251001"));
        assertThat(haiku.target().id()).isEqualTo("groq");
        assertThat(haiku.model()).as("mapped by groq's own tiers").isEqualTo("claude-haiku-4-5-20251001");
        assertThat(haiku.reason()).isEqualTo("haiku -> groq");
        assertThat(route(text("claude-sonnet-4-6")).target().id()).isEqualTo("deepseek");
    }

    @Test
    void imagesGoToAVisionTargetOnlyWhenTheAddressedModelCannotSeeThem() {
        globally(new RoutingRule(Condition.IMAGE, "openai", "gpt-5.5", null));

        var decision = route(IMAGE);
        assertThat(decision.target().id()).isEqualTo("openai");
        assertThat(decision.model()).isEqualTo("gpt-5.5");
        assertThat(route(text("claude-sonnet-4-6")).target().id()).isEqualTo("deepseek");

        registry.replace("deepseek", deepseek.toBuilder().capabilities(
                new ModelCapabilities(null, null, true, null, null, null, null, null, null, null)).build());
        deepseek = registry.byId("deepseek").orElseThrow();
        assertThat(route(IMAGE).target().id()).as("a model that sees images keeps them").isEqualTo("deepseek");
    }

    @Test
    void aLongContextGoesToTheLongContextTargetBeyondTheWindowOrTheGivenSize() {
        globally(new RoutingRule(Condition.LONG_CONTEXT, "openai", null, null));
        assertThat(route(text("claude-sonnet-4-6"), false, 100_000).target().id()).isEqualTo("deepseek");
        assertThat(route(text("claude-sonnet-4-6"), false, 2_000_000).target().id()).isEqualTo("openai");

        globally(new RoutingRule(Condition.LONG_CONTEXT, "openai", null, 50_000L));
        assertThat(route(text("claude-sonnet-4-6"), false, 60_000).reason()).isEqualTo("long_context > 50000 tokens -> openai");
    }

    @Test
    void thinkingAndWebSearchRequestsCanGoElsewhere() {
        globally(new RoutingRule(Condition.THINKING, "openai", null, null),
                new RoutingRule(Condition.WEB_SEARCH, "groq", null, null));

        assertThat(route(TEXT.formatted("claude-sonnet-4-6",
                "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048},")).target().id()).isEqualTo("openai");
        assertThat(route(TEXT.formatted("claude-sonnet-4-6",
                "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":5}],")).target().id())
                .isEqualTo("groq");
    }

    @Test
    void aTargetsOwnRulesComeBeforeTheGlobalOnesAndRulesToUnknownTargetsAreIgnored() {
        globally(new RoutingRule(Condition.HAIKU, "openai", null, null));
        registry.replace("deepseek", deepseek.toBuilder().routing(List.of(
                new RoutingRule(Condition.HAIKU, "nowhere", null, null),
                new RoutingRule(Condition.HAIKU, "groq", null, null))).build());
        deepseek = registry.byId("deepseek").orElseThrow();

        assertThat(route(text("claude-haiku-4-5")).target().id()).isEqualTo("groq");
    }

    @Test
    void aTargetNamedInTheModelIsUsedWithThatModelAndPinnedUrlsAreNeverMovedByRules() {
        globally(new RoutingRule(Condition.HAIKU, "groq", null, null));

        var named = route(text("openai,gpt-5.5-mini"));
        assertThat(named.target().id()).isEqualTo("openai");
        assertThat(named.model()).isEqualTo("gpt-5.5-mini");
        assertThat(named.forFallbacks()).isEqualTo("default");
        assertThat(named.reason()).isEqualTo("/model openai,gpt-5.5-mini");

        assertThat(route(text("openai,gpt-5.5-mini"), true, 10).target().id())
                .as("the explicit choice holds on a pinned URL too").isEqualTo("openai");
        assertThat(route(text("claude-haiku-4-5"), true, 10).target().id()).isEqualTo("deepseek");
        assertThat(route(text("my-org/model,v2")).target().id()).as("not a target: a model name").isEqualTo("deepseek");
    }
}
