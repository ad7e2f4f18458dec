package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.pricing.Price;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccbridge pricing list|set|clear}, run as the real launcher over the default config. */
class PricingCommandTest {
    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir);
    }

    private static String squeezed(String text) {
        return text.lines().map(line -> line.strip().replaceAll(" +", " ")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void eachTargetsModelsWithTheirPricesAndWhereTheyComeFrom() {
        Result list = ccbridge.run("pricing", "list");

        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(squeezed(list.out())).isEqualTo("""
                openai gpt-5.5 input 5, output 30, cache read 0.5, cache write - gpt-5.5, from https://www.benchr.org/articles/gpt-5-5-pricing-explained (read 2026-12-07)
                openai gpt-5.4-mini input 0.75, output 4.5, cache read 0.075, cache write - gpt-5.4-mini, from https://www.morphllm.com/openai-api-pricing (read 2026-12-07)
                deepseek deepseek-v4-pro input 1.32, output 3.96, cache read 0.044, cache write - deepseek-v4-pro, from https://api-docs.deepseek.com/quick_start/pricing (read 2026-12-07)
                deepseek deepseek-v4-flash input 0.3, output 1.2, cache read 0.006, cache write - deepseek-flash, from https://api-docs.deepseek.com/quick_start/pricing (read 2026-12-07)
                openrouter qwen/qwen3-coder - no price known: ccbridge pricing set openrouter --input N --output N
                openrouter openai/gpt-5-mini - no price known: ccbridge pricing set openrouter --input N --output N
                ollama qwen3-coder input 0, output 0, cache read 0, cache write 0 free (runs on your machine)
                """);
    }

    @Test
    void aTargetsOwnPricesAreSetFieldByFieldShownAndCleared() {
        Result set = ccbridge.run("pricing", "set", "openrouter", "--input", "0.22", "--output", "0.95");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("Own prices of 'openrouter': input 0.22, output 0.95, cache read -, cache "
                + "write - (US$ per million tokens; the others from the bundled table).\n");
        Result more = ccbridge.run("pricing", "set", "openrouter", "--cache-read", "0.05");
        assertThat(more.out()).startsWith("Own prices of 'openrouter': input 0.22, output 0.95, cache read 0.05, ");
        assertThat(ccbridge.storedTarget("openrouter").pricing()).isEqualTo(new Price(0.22, 0.95, 0.05, null));

        assertThat(squeezed(ccbridge.run("pricing", "list").out()))
                .contains("openrouter qwen/qwen3-coder input 0.22, output 0.95, cache read 0.05, cache write - "
                        + "own prices\n")
                .contains("openrouter openai/gpt-5-mini input 0.22, output 0.95, cache read 0.05, cache write - "
                        + "own prices\n");
        Result overBundled = ccbridge.run("pricing", "set", "openai", "--output", "25");
        assertThat(overBundled.exit()).isZero();
        assertThat(squeezed(ccbridge.run("pricing", "list").out())).contains("openai gpt-5.5 input 5, output 25, "
                + "cache read 0.5, cache write - own prices over the bundled ones (gpt-5.5, from ");

        Result clear = ccbridge.run("pricing", "clear", "openrouter");
        assertThat(clear.out()).isEqualTo("Removed the own prices of 'openrouter': the bundled prices count again.\n");
        assertThat(ccbridge.storedTarget("openrouter").pricing()).isNull();
        assertThat(ccbridge.run("pricing", "clear", "openrouter").out())
                .isEqualTo("'openrouter' had no prices of its own.\n");
    }

    @Test
    void aBadPriceOrTargetIsAnErrorThatChangesNothing() throws Exception {
        assertThat(ccbridge.run("pricing", "list").exit()).as("the first run writes the default config").isZero();
        String before = Files.readString(ccbridge.configFile());

        Result negative = ccbridge.run("pricing", "set", "openai", "--input", "-1");
        assertThat(negative.exit()).isEqualTo(1);
        assertThat(negative.err()).isEqualTo("ccbridge: a price is a number of US dollars of at least 0, not -1.0\n");

        Result notANumber = ccbridge.run("pricing", "set", "openai", "--output", "cheap");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).startsWith("Invalid value for option '--output': 'cheap' is not a double\n");

        Result nothing = ccbridge.run("pricing", "set", "openai");
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err())
                .isEqualTo("ccbridge: give at least one of --input, --output, --cache-read, --cache-write\n");

        Result unknown = ccbridge.run("pricing", "set", "nowhere", "--input", "1");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("ccbridge: no target 'nowhere'\n");

        assertThat(Files.readString(ccbridge.configFile())).isEqualTo(before);
    }
}
