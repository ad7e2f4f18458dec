package dev.ccbridge.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.json.Json;
import org.junit.jupiter.api.Test;

/** A request's cost: its usage at the target's own prices over the bundled ones. */
class CostsTest {
    private final Costs costs = Costs.builtIn();
    /** 1M uncached input, 100K output, 500K cache reads, 200K cache writes. */
    private final Usage usage = new Usage(1_000_000, 100_000, 200_000, 500_000);

    @Test
    void theBundledPriceOfEachKindOfToken() {
        // claude-sonnet-4-6: 3 in, 15 out, 0.30 cache read, 3.75 cache write
        assertThat(costs.of("anthropic", null, "claude-sonnet-4-6", usage).orElseThrow()).isCloseTo(
                3.0 + 1.5 + 0.15 + 0.75, within(1e-9));
    }

    @Test
    void cacheTokensWithoutAPriceOfTheirOwnCostTheInputPrice() {
        // Mistral lists no cache prices: devstral-medium-latest 0.4 in, 2 out.
        assertThat(costs.of("mistral", null, "devstral-medium-latest", usage).orElseThrow()).isCloseTo(
                0.4 + 0.2 + 0.5 * 0.4 + 0.2 * 0.4, within(1e-9));
    }

    @Test
    void aTargetsOwnPricesWinFieldByFieldOverTheBundledOnes() {
        var own = new Price(null, 10.0, null, null);
        // deepseek-v4-pro: 1.32 in, 3.96 out (here 10), 0.044 cache read, no cache write price (input)
        assertThat(costs.of("deepseek", own, "deepseek-v4-pro", usage).orElseThrow()).isCloseTo(
                1.32 + 1.0 + 0.5 * 0.044 + 0.2 * 1.32, within(1e-9));
        assertThat(costs.of("deepseek", new Price(1.0, 2.0, 0.1, 1.0), "deepseek-v4-pro", usage).orElseThrow())
                .isCloseTo(1.0 + 0.2 + 0.05 + 0.2, within(1e-9));
    }

    @Test
    void anUnknownModelHasACostOnlyWhenTheTargetGivesInputAndOutput() {
        assertThat(costs.of("my-gateway", null, "my-coder", usage)).isEmpty();
        assertThat(costs.of("my-gateway", new Price(2.0, null, null, null), "my-coder", usage)).isEmpty();
        assertThat(costs.of("my-gateway", new Price(2.0, 10.0, null, null), "my-coder", usage).orElseThrow())
                .isCloseTo(2.0 + 1.0 + 0.7 * 2.0, within(1e-9));
    }

    @Test
    void noTokensNoCostAndALocalModelCostsNothing() {
        assertThat(costs.of("openai", null, "gpt-5.5", null)).isEmpty();
        assertThat(costs.of("ollama", null, "qwen3-coder", usage)).contains(0.0);
    }

    @Test
    void theOverrideIsTheTargetsPricingFieldAndAnOlderFilesPricingReadsAsIt() throws Exception {
        Target read = Json.CONFIG.readValue("""
                {"id": "ds", "name": "DeepSeek", "provider": "deepseek", "model": "deepseek-v4-pro",
                 "pricing": {"input": 0.28, "output": 0.42, "cacheRead": "free?", "cacheWrite": -1}}""", Target.class);
        assertThat(read.pricing()).as("a value that is no price counts as not given")
                .isEqualTo(new Price(0.28, 0.42, null, null));
        assertThat(read.extra()).doesNotContainKey("pricing");
        Target written = Json.CONFIG.readValue(Json.CONFIG.writeValueAsString(read), Target.class);
        assertThat(written.pricing()).isEqualTo(read.pricing());
        assertThat(Json.CONFIG.writeValueAsString(read.toBuilder().pricing(Price.NONE).build()))
                .doesNotContain("pricing");
    }

    @Test
    void pricesInWords() {
        assertThat(new Price(5.0, 30.0, 0.5, null).describe()).isEqualTo("input 5, output 30, cache read 0.5, cache write -");
        assertThat(Price.NONE.describe()).isEqualTo("-");
        assertThat(Usd.format(null)).isEqualTo("-");
        assertThat(Usd.format(0.0)).isEqualTo("$0.00");
        assertThat(Usd.format(0.000123)).isEqualTo("$0.000123");
        assertThat(Usd.format(0.0525)).isEqualTo("$0.0525");
        assertThat(Usd.format(12.345)).isEqualTo("$12.35");
    }
}
