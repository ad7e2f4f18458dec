package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccbridge routing list|add|remove}, run as the real launcher over the default config
 * (targets openai, deepseek, openrouter, ollama): what each prints, what lands in the config file
 * the gateway reads, and a bad rule's error, which changes nothing.
 */
class RoutingCommandTest {
    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir);
    }

    private Result ok(String... args) {
        Result result = ccbridge.run(args);
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        return result;
    }

    @Test
    void rulesAreAddedListedInTheOrderTheyAreTriedAndRemovedByNumber() {
        assertThat(ok("routing", "list").out()).isEqualTo("No routing rules: every request goes to the target Claude "
                + "Code addresses. Add one with: ccbridge routing add --when haiku --to groq\n");

        assertThat(ok("routing", "add", "--when", "haiku", "--to", "ollama").out())
                .isEqualTo("Added to the global rules: haiku -> ollama\n");
        assertThat(ok("routing", "add", "--when", "image", "--to", "openai", "--model", "gpt-5.5").out())
                .isEqualTo("Added to the global rules: image -> openai (gpt-5.5)\n");
        assertThat(ok("routing", "add", "--when", "long_context", "--to", "openrouter", "--above", "120000",
                "--for", "deepseek").out())
                .isEqualTo("Added to the target deepseek rules: long_context > 120000 tokens -> openrouter\n");

        // A target's own rules are tried first, then the global ones.
        assertThat(ok("routing", "list").out()).isEqualTo("""
                target deepseek #1: long_context > 120000 tokens -> openrouter
                global #1: haiku -> ollama
                global #2: image -> openai (gpt-5.5)
                """);
        GatewayConfig config = ccbridge.storedConfig();
        assertThat(config.routing()).containsExactly(
                new RoutingRule(RoutingRule.Condition.HAIKU, "ollama", null, null),
                new RoutingRule(RoutingRule.Condition.IMAGE, "openai", "gpt-5.5", null));
        assertThat(config.targets().stream().filter(t -> t.id().equals("deepseek")).findFirst().orElseThrow()
                .routing()).containsExactly(new RoutingRule(RoutingRule.Condition.LONG_CONTEXT, "openrouter", null,
                120_000L));

        assertThat(ok("routing", "remove", "1").out()).isEqualTo("Removed from the global rules: haiku -> ollama\n");
        assertThat(ok("routing", "remove", "1", "--for", "deepseek").out())
                .isEqualTo("Removed from the target deepseek rules: long_context > 120000 tokens -> openrouter\n");
        assertThat(ok("routing", "list").out()).isEqualTo("global #1: image -> openai (gpt-5.5)\n");
    }

    @Test
    void aBadRuleIsAnErrorThatSaysWhyAndChangesNothing() throws Exception {
        ok("routing", "add", "--when", "haiku", "--to", "ollama");
        String before = Files.readString(ccbridge.configFile());

        Result unknownKind = ccbridge.run("routing", "add", "--when", "cheap", "--to", "ollama");
        assertThat(unknownKind.exit()).isEqualTo(1);
        assertThat(unknownKind.out()).isEmpty();
        assertThat(unknownKind.err()).isEqualTo(
                "ccbridge: --when must be one of: haiku, sonnet, opus, image, long_context, thinking, web_search\n");

        Result unknownTarget = ccbridge.run("routing", "add", "--when", "image", "--to", "nowhere");
        assertThat(unknownTarget.exit()).isEqualTo(1);
        assertThat(unknownTarget.err()).isEqualTo("ccbridge: no target 'nowhere' (see: ccbridge targets list)\n");

        Result unknownScope = ccbridge.run("routing", "add", "--when", "image", "--to", "openai", "--for", "nowhere");
        assertThat(unknownScope.exit()).isEqualTo(1);
        assertThat(unknownScope.err()).isEqualTo("ccbridge: no target 'nowhere'\n");

        Result noTarget = ccbridge.run("routing", "add", "--when", "image");
        assertThat(noTarget.exit()).isEqualTo(2);
        assertThat(noTarget.err()).startsWith("Missing required option: '--to=TARGET'\n")
                .contains("Usage: ccbridge routing add");

        Result noSuchRule = ccbridge.run("routing", "remove", "2");
        assertThat(noSuchRule.exit()).isEqualTo(1);
        assertThat(noSuchRule.err()).isEqualTo("ccbridge: the global rules have no #2 (see: ccbridge routing list)\n");

        Result notANumber = ccbridge.run("routing", "remove", "first");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).startsWith("Invalid value for positional parameter at index 0 (NUMBER): "
                + "'first' is not an int\n");

        assertThat(Files.readString(ccbridge.configFile())).as("the config file is untouched").isEqualTo(before);
        assertThat(ok("routing", "list").out()).isEqualTo("global #1: haiku -> ollama\n");
    }
}
