package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsAddPresetTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = CcbridgeCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = dir.resolve("config.json").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    private Target stored(String id) {
        return new ConfigStore(dir.resolve("config.json")).load().config().target(id).orElseThrow();
    }

    @Test
    void addsATargetFromAPreset() {
        assertThat(run("targets", "add", "--preset", "deepseek")).isZero();

        Target target = stored(out.toString().replaceAll("(?s).*Saved target '([^']+)'.*", "$1"));
        assertThat(target.baseUrl()).isEqualTo("https://api.deepseek.com");
        assertThat(target.apiMode()).isEqualTo(ApiMode.CHAT_COMPLETIONS);
        assertThat(target.model()).isEqualTo("deepseek-v4-pro");
        assertThat(target.tiers().haiku()).isEqualTo("deepseek-v4-flash");
        assertThat(target.apiKeyEnv()).isEqualTo("DEEPSEEK_API_KEY");
    }

    @Test
    void optionsGivenOnTheCommandLineOverrideThePreset() {
        assertThat(run("targets", "add", "--preset", "moonshot", "--name", "Kimi CN", "--base-url",
                "https://api.moonshot.cn/v1", "--haiku", "kimi-k2.6", "--header", "X-Team=ml")).isZero();

        Target target = stored("kimi-cn");
        assertThat(target.baseUrl()).isEqualTo("https://api.moonshot.cn/v1");
        assertThat(target.model()).isEqualTo("kimi-k2.6");
        assertThat(target.tiers().haiku()).isEqualTo("kimi-k2.6");
        assertThat(target.tiers().opus()).isEqualTo("kimi-k2.6");
        assertThat(target.apiKeyEnv()).isEqualTo("MOONSHOT_API_KEY");
        assertThat(target.headers()).containsEntry("X-Team", "ml");
    }

    @Test
    void anUnknownPresetOrMissingFieldsAreRefusedWithAHint() {
        assertThat(run("targets", "add", "--preset", "nosuch")).isEqualTo(2);
        assertThat(err.toString()).contains("no preset 'nosuch'").contains("deepseek");
        assertThat(run("targets", "add", "--name", "X")).isEqualTo(2);
        assertThat(err.toString()).contains("--base-url");
    }

    @Test
    void listsThePresets() {
        assertThat(run("targets", "presets")).isZero();

        assertThat(out.toString()).contains("openrouter").contains("anthropic_messages").contains("(Claude ids)");
    }
}
