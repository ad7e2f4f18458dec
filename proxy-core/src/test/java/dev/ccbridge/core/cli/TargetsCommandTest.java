package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccbridge targets list|presets|add|remove|activate}, run as the real launcher. */
class TargetsCommandTest {
    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir);
    }

    @Test
    void aTargetCanBeAddedActivatedAndRemoved() {
        Result add = ccbridge.run("targets", "add", "--name", "Groq", "--base-url", "https://api.groq.com/openai/v1/",
                "--model", "moonshotai/kimi-k2-instruct", "--haiku", "llama-3.1-8b-instant",
                "--api-key-env", "GROQ_API_KEY");
        assertThat(add.exit()).as(add.toString()).isZero();
        Target groq = ccbridge.storedTarget("groq");
        assertThat(add.out()).isEqualTo("""
                Saved target 'groq'.
                Its own URL:   http://127.0.0.1:8787/api/claude-code-proxy/%s
                Its token:     %s
                  (these pin a terminal to it; `ccbridge env --target groq` prints them for your shell)
                Its API key:   run `ccbridge keys set groq`, or set GROQ_API_KEY.
                """.formatted(groq.routeKey(), groq.token()));

        Result activate = ccbridge.run("targets", "activate", "groq");
        assertThat(activate.exit()).isZero();
        assertThat(activate.out()).startsWith("Active target: groq.");
        assertThat(ccbridge.run("targets", "list").out())
                .containsPattern("(?m)^\\* groq +chat_completions +moonshotai/kimi-k2-instruct");
        assertThat(ccbridge.storedTarget("groq").baseUrl()).isEqualTo("https://api.groq.com/openai/v1");
        assertThat(ccbridge.storedTarget("groq").tiers().haiku()).isEqualTo("llama-3.1-8b-instant");

        Result remove = ccbridge.run("targets", "remove", "groq");
        assertThat(remove.exit()).isZero();
        assertThat(remove.out()).isEqualTo("Removed target 'groq'.\n");
        assertThat(ccbridge.run("targets", "list").out()).doesNotContain("groq");
        Result again = ccbridge.run("targets", "remove", "groq");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("ccbridge: no target 'groq'\n");
    }

    @Test
    void fallbacksAndOptionsAreStored() throws Exception {
        Result added = ccbridge.run("targets", "add", "--name", "Primary", "--base-url", "https://primary.example/v1",
                "--model", "m", "--fallback", "deepseek", "--fallback", "openrouter", "--option", "retries=2",
                "--option", "firstByteTimeoutSeconds=60");

        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(ccbridge.storedTarget("primary").fallbacks()).containsExactly("deepseek", "openrouter");
        assertThat(ccbridge.storedTarget("primary").options().asMap()).containsEntry("retries", "2")
                .containsEntry("firstByteTimeoutSeconds", "60");
        assertThat(Files.readString(ccbridge.configFile()))
                .containsPattern("\"fallbacks\" : \\[ \"deepseek\", \"openrouter\" \\]");
    }

    @Test
    void aPresetGivesTheProvidersSettings() {
        Result add = ccbridge.run("targets", "add", "--preset", "deepseek");

        assertThat(add.exit()).as(add.toString()).isZero();
        Target target = ccbridge.storedTarget(add.out().replaceAll("(?s).*Saved target '([^']+)'.*", "$1"));
        assertThat(target.baseUrl()).isEqualTo("https://api.deepseek.com");
        assertThat(target.apiMode()).isEqualTo(ApiMode.CHAT_COMPLETIONS);
        assertThat(target.model()).isEqualTo("deepseek-v4-pro");
        assertThat(target.tiers().haiku()).isEqualTo("deepseek-v4-flash");
        assertThat(target.apiKeyEnv()).isEqualTo("DEEPSEEK_API_KEY");
    }

    @Test
    void optionsGivenOnTheCommandLineOverrideThePreset() {
        Result add = ccbridge.run("targets", "add", "--preset", "moonshot", "--name", "Kimi CN", "--base-url",
                "https://api.moonshot.cn/v1", "--haiku", "kimi-k2.6", "--header", "X-Team=ml");

        assertThat(add.exit()).as(add.toString()).isZero();
        Target target = ccbridge.storedTarget("kimi-cn");
        assertThat(target.baseUrl()).isEqualTo("https://api.moonshot.cn/v1");
        assertThat(target.model()).isEqualTo("kimi-k2.6");
        assertThat(target.tiers().haiku()).isEqualTo("kimi-k2.6");
        assertThat(target.tiers().opus()).isEqualTo("kimi-k2.6");
        assertThat(target.apiKeyEnv()).isEqualTo("MOONSHOT_API_KEY");
        assertThat(target.headers()).containsEntry("X-Team", "ml");
    }

    @Test
    void badInputIsAUsageErrorThatSaysWhatToGive() {
        Result preset = ccbridge.run("targets", "add", "--preset", "nosuch");
        assertThat(preset.exit()).isEqualTo(2);
        assertThat(preset.err()).contains("no preset 'nosuch'").contains("deepseek");

        Result missing = ccbridge.run("targets", "add", "--name", "X");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--base-url");

        Result mode = ccbridge.run("targets", "add", "--name", "X", "--base-url", "http://x", "--model", "m",
                "--mode", "grpc");
        assertThat(mode.exit()).isNotZero();
        assertThat(mode.err()).contains("chat_completions").contains("bedrock_converse").doesNotContain("\tat ");
        assertThat(ccbridge.run("targets", "list").out()).doesNotContain(" x ");
    }

    @Test
    void presetsAreListed() {
        Result presets = ccbridge.run("targets", "presets");

        assertThat(presets.exit()).isZero();
        assertThat(presets.out()).containsPattern("(?m)^openrouter +chat_completions")
                .containsPattern("(?m)^anthropic +anthropic_messages +\\(Claude ids\\)");
    }
}
