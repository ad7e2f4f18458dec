package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccbridge env}, run as the real launcher: what a user pastes into a shell. */
class EnvCommandTest {
    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir);
    }

    @Test
    void printsTheBashSnippetWithTheInstallToken() {
        Result env = ccbridge.run("env");

        assertThat(env.exit()).as(env.toString()).isZero();
        String token = ccbridge.storedConfig().installToken();
        assertThat(env.out()).isEqualTo("export ANTHROPIC_BASE_URL='http://127.0.0.1:8787'\n"
                + "export ANTHROPIC_AUTH_TOKEN='" + token + "'\n"
                + "export NO_PROXY='127.0.0.1,localhost'\n");
        assertThat(env.err()).isEmpty();
    }

    @Test
    void noProxyKeepsTheHostsAlreadyListed() {
        Result env = ccbridge.env("NO_PROXY", "corp.example, localhost").run("env", "--shell", "fish");

        assertThat(env.out()).contains("set -gx NO_PROXY '127.0.0.1,localhost,corp.example'\n");
    }

    @Test
    void claudeCodeSettingsThatWouldOverrideTheVariablesAreWarnedAboutOnStderr() throws Exception {
        String stale = "{\"env\":{\"ANTHROPIC_BASE_URL\":\"https://api.anthropic.com\"}}";
        Path user = write(ccbridge.home().resolve(".claude/settings.json"), stale);
        Path configDir = write(dir.resolve("claude-config/settings.json"), stale);
        Path project = write(ccbridge.workDir().resolve(".claude/settings.json"), stale);
        Path local = write(ccbridge.workDir().resolve(".claude/settings.local.json"),
                "{\"env\":{\"ANTHROPIC_AUTH_TOKEN\":\"sk-ant-old\",\"OTHER\":\"x\"}}");

        Result env = ccbridge.env("CLAUDE_CONFIG_DIR", dir.resolve("claude-config").toString()).run("env");

        assertThat(env.exit()).isZero();
        assertThat(env.out()).contains("export ANTHROPIC_BASE_URL='http://127.0.0.1:8787'");
        assertThat(env.err().lines()).hasSize(4).allMatch(line -> line.startsWith("warning: "));
        assertThat(env.err()).contains(user + " sets ANTHROPIC_BASE_URL in its \"env\" section")
                .contains(configDir + " sets ANTHROPIC_BASE_URL").contains(project + " sets ANTHROPIC_BASE_URL")
                .contains(local + " sets ANTHROPIC_AUTH_TOKEN").contains("would not take effect")
                .doesNotContain("sk-ant-old");
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void printsTheSnippetForEveryShell() {
        ccbridge.run("env");
        String token = ccbridge.storedConfig().installToken();

        assertThat(ccbridge.run("env", "--shell", "zsh").out()).contains("export ANTHROPIC_AUTH_TOKEN='" + token + "'");
        assertThat(ccbridge.run("env", "--shell", "fish").out()).contains("set -gx ANTHROPIC_AUTH_TOKEN '" + token + "'");
        assertThat(ccbridge.run("env", "--shell", "powershell").out())
                .contains("$env:ANTHROPIC_BASE_URL = 'http://127.0.0.1:8787'");
        assertThat(ccbridge.run("env", "--shell", "cmd").out()).contains("set \"ANTHROPIC_AUTH_TOKEN=" + token + "\"");
    }

    @Test
    void pinsOneTargetWithItsOwnUrlAndToken() {
        Result env = ccbridge.run("env", "--target", "deepseek");

        var target = ccbridge.storedTarget("deepseek");
        assertThat(env.exit()).as(env.toString()).isZero();
        assertThat(env.out()).contains("'http://127.0.0.1:8787/api/claude-code-proxy/" + target.routeKey() + "'")
                .contains("'" + target.token() + "'");
    }

    @Test
    void anUnknownTargetOrShellIsAnErrorOnStderr() {
        Result target = ccbridge.run("env", "--target", "nosuch");
        assertThat(target.exit()).isEqualTo(1);
        assertThat(target.out()).isEmpty();
        assertThat(target.err()).isEqualTo("ccbridge: no target 'nosuch'\n");

        Result shell = ccbridge.run("env", "--shell", "tcsh");
        assertThat(shell.exit()).isNotZero();
        assertThat(shell.out()).isEmpty();
        assertThat(shell.err()).contains("unknown shell 'tcsh'").contains("fish").doesNotContain("\tat ");
    }
}
