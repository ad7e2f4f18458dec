package dev.ccbridge.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.target.ProviderPreset;
import dev.ccbridge.core.target.ProviderPresets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The bundled price table: how a model id finds its prices, and what the table must hold. */
class PriceTableTest {
    private final PriceTable table = PriceTable.builtIn();

    private Price price(String provider, String model) {
        return table.find(provider, model).orElseThrow(() -> new AssertionError("no price for " + provider + " "
                + model)).priceFor(Usage.ZERO);
    }

    @Test
    void aModelIsFoundByItsExactIdAtItsProvider() {
        PriceMatch match = table.find("openai", "gpt-5.5").orElseThrow();
        assertThat(match.how()).isEqualTo(PriceMatch.How.EXACT);
        assertThat(match.priceFor(Usage.ZERO)).isEqualTo(new Price(5.0, 30.0, 0.5, null));
        assertThat(table.find("deepseek", "deepseek-v4-flash").orElseThrow())
                .as("a retired name the provider still bills").satisfies(alias -> {
                    assertThat(alias.how()).isEqualTo(PriceMatch.How.EXACT);
                    assertThat(alias.entry().model()).isEqualTo("deepseek-flash");
                });
    }

    @Test
    void dateAndVersionSuffixesCaseAndVendorPrefixesAreNormalisedAway() {
        assertThat(table.find("anthropic", "claude-haiku-4-5-20251001").orElseThrow())
                .satisfies(match -> assertThat(match.how()).isEqualTo(PriceMatch.How.NORMALISED))
                .satisfies(match -> assertThat(match.entry().model()).isEqualTo("claude-haiku-4-5"));
        assertThat(price("bedrock", "global.anthropic.claude-haiku-4-5-20251001-v1:0"))
                .isEqualTo(new Price(1.0, 5.0, 0.1, 1.25));
        assertThat(price("openai", "GPT-5.4-mini-2026-03-17")).isEqualTo(new Price(0.75, 4.5, 0.075, null));
        assertThat(price("groq", "OpenAI/gpt-oss-120b")).isEqualTo(new Price(0.15, 0.6, 0.075, null));
    }

    @Test
    void aRegionalBedrockProfileCostsItsOwnPriceNotTheGlobalOne() {
        assertThat(price("bedrock", "us.anthropic.claude-sonnet-4-6").input()).isEqualTo(3.3);
        assertThat(price("bedrock", "eu.anthropic.claude-sonnet-4-6").input()).isEqualTo(3.3);
        assertThat(price("bedrock", "global.anthropic.claude-sonnet-4-6").input()).isEqualTo(3.0);
    }

    @Test
    void openRouterPassesItsVendorsPricesThrough() {
        PriceMatch routed = table.find("openrouter", "openai/gpt-5.5").orElseThrow();
        assertThat(routed.how()).isEqualTo(PriceMatch.How.ROUTED);
        assertThat(routed.priceFor(Usage.ZERO)).isEqualTo(price("openai", "gpt-5.5"));
        assertThat(price("openrouter", "anthropic/claude-sonnet-4-6")).isEqualTo(price("anthropic", "claude-sonnet-4-6"));
    }

    @Test
    void unknownModelsAndProvidersHaveNoPriceNeverAGuess() {
        assertThat(table.find("openai", "gpt-9")).isEmpty();
        assertThat(table.find("my-litellm", "gpt-5.5")).as("another provider may charge anything").isEmpty();
        assertThat(table.find("openrouter", "qwen/qwen3-coder")).as("an open model, many hosts, many prices").isEmpty();
        assertThat(table.find("deepseek", "deepseek-v4-pro-turbo")).isEmpty();
        assertThat(table.find(null, "gpt-5.5")).isEmpty();
        assertThat(table.find("openai", null)).isEmpty();
    }

    @Test
    void localServersAreFree() {
        for (String local : new String[] {"ollama", "lmstudio", "vllm"}) {
            assertThat(table.find(local, "any-model-at-all").orElseThrow().priceFor(Usage.ZERO)).isEqualTo(Price.FREE);
        }
        assertThat(table.find("gateway", "claude-sonnet-4-6")).as("a gateway passes on a provider's bill").isEmpty();
    }

    @Test
    void aLongPromptCostsTheWholeRequestAtTheHigherPrice() {
        PriceMatch gpt = table.find("openai", "gpt-5.5").orElseThrow();
        assertThat(gpt.priceFor(new Usage(100_000, 10, 0, 172_000)).input()).as("272K exactly").isEqualTo(5.0);
        assertThat(gpt.priceFor(new Usage(100_000, 10, 1, 172_000))).isEqualTo(new Price(10.0, 45.0, 1.0, null));
    }

    @Test
    void everyEntryHasCompletePricesItsSourceAndTheDayItWasRead() {
        for (String provider : table.providers()) {
            assertThat(table.entries(provider)).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.price().complete()).as(entry.model()).isTrue();
                assertThat(entry.source()).as(entry.model()).startsWith("https://");
                assertThat(entry.checked()).as(entry.model()).isBefore(LocalDate.now().plusDays(1));
            });
        }
    }

    @Test
    void everyHostedPresetsDefaultModelHasAPriceOrIsKnownNotTo() {
        // Prices found on the providers' pages; the rest stay unpriced rather than guessed (docs/cost.md).
        var unpriced = java.util.Set.of("openrouter", "qwen", "anthropic", "anthropic-gateway");
        for (ProviderPreset preset : ProviderPresets.builtIn().all()) {
            boolean priced = preset.model() != null
                    && table.find(preset.toTarget().provider(), preset.model()).isPresent();
            assertThat(priced).as(preset.id() + " " + preset.model()).isEqualTo(!unpriced.contains(preset.id()));
        }
    }
}
