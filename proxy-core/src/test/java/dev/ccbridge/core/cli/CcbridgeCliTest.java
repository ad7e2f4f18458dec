package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ConfigStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CcbridgeCliTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = CcbridgeCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withConfig = new String[args.length + 2];
        withConfig[0] = "--config";
        withConfig[1] = dir.resolve("config.json").toString();
        System.arraycopy(args, 0, withConfig, 2, args.length);
        int exit = cli.execute(withConfig);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aTakenPortIsAClearMessageAndAFailingExitCode() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("port " + taken.getLocalPort()).contains("already in use")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aTargetCanBeAddedWithFallbacksAndRetryOptions() throws Exception {
        Run added = run("targets", "add", "--name", "Primary", "--base-url", "https://primary.example/v1", "--model",
                "m", "--fallback", "deepseek", "--fallback", "openrouter", "--option", "retries=2",
                "--option", "firstByteTimeoutSeconds=60");
        assertThat(added.exit()).as(added.err()).isZero();
        var stored = new ConfigStore(dir.resolve("config.json")).load().config().target("primary").orElseThrow();
        assertThat(stored.fallbacks()).containsExactly("deepseek", "openrouter");
        assertThat(stored.options().asMap()).containsEntry("retries", "2").containsEntry("firstByteTimeoutSeconds", "60");
        assertThat(java.nio.file.Files.readString(dir.resolve("config.json")))
                .containsPattern("\"fallbacks\" : \\[ \"deepseek\", \"openrouter\" \\]");
    }

    @Test
    void envPrintsTheSnippetForEachShellWithTheInstallToken() {
        run("targets", "list");
        String token = new ConfigStore(dir.resolve("config.json")).load().config().installToken();

        assertThat(run("env").out()).isEqualTo("export ANTHROPIC_BASE_URL='http://127.0.0.1:8787'"
                + System.lineSeparator() + "export ANTHROPIC_AUTH_TOKEN='" + token + "'" + System.lineSeparator());
        assertThat(run("env", "--shell", "fish").out()).contains("set -gx ANTHROPIC_AUTH_TOKEN '" + token + "'");
        assertThat(run("env", "--shell", "powershell").out()).contains("$env:ANTHROPIC_BASE_URL = 'http://127.0.0.1:8787'");
        assertThat(run("env", "--shell", "cmd").out()).contains("set \"ANTHROPIC_AUTH_TOKEN=" + token + "\"");
    }

    @Test
    void envForOneTargetPinsItsOwnUrlAndToken() {
        run("targets", "list");
        var target = new ConfigStore(dir.resolve("config.json")).load().config().target("deepseek").orElseThrow();
        String out = run("env", "--target", "deepseek").out();
        assertThat(out).contains("/api/claude-code-proxy/" + target.routeKey()).contains(target.token());
    }

    @Test
    void targetsCanBeAddedActivatedAndRemoved() {
        Run add = run("targets", "add", "--name", "Groq", "--base-url", "https://api.groq.com/openai/v1/",
                "--model", "moonshotai/kimi-k2-instruct", "--haiku", "llama-3.1-8b-instant", "--api-key-env", "GROQ_API_KEY");
        assertThat(add.exit()).isZero();
        assertThat(add.out()).contains("Saved target 'groq'").contains("GROQ_API_KEY");

        assertThat(run("targets", "activate", "groq").exit()).isZero();
        assertThat(run("targets", "list").out()).containsPattern("\\* groq +chat_completions +moonshotai/kimi-k2-instruct");
        var config = new ConfigStore(dir.resolve("config.json")).load().config();
        assertThat(config.active().orElseThrow().baseUrl()).isEqualTo("https://api.groq.com/openai/v1");
        assertThat(config.active().orElseThrow().tiers().haiku()).isEqualTo("llama-3.1-8b-instant");

        assertThat(run("targets", "remove", "groq").exit()).isZero();
        assertThat(run("targets", "list").out()).doesNotContain("groq");
        assertThat(run("targets", "remove", "groq").exit()).isEqualTo(1);
    }

    @Test
    void anUnknownApiModeIsAUsageErrorNamingTheModes() {
        Run run = run("targets", "add", "--name", "X", "--base-url", "http://x", "--model", "m", "--mode", "grpc");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("chat_completions").contains("bedrock_converse").doesNotContain("\tat ");
    }

    @Test
    void tokenRotationInvalidatesTheOldToken() {
        run("targets", "list");
        String before = new ConfigStore(dir.resolve("config.json")).load().config().installToken();
        Run rotate = run("token", "rotate");
        String after = new ConfigStore(dir.resolve("config.json")).load().config().installToken();
        assertThat(after).isNotEqualTo(before);
        assertThat(rotate.out()).contains(after);
    }
}
