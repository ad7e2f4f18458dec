package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ConfigStore;
import dev.ccbridge.core.target.ProxyConfig;
import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
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

    private ProxyConfig config() {
        return new ConfigStore(ccbridge.configFile()).load().config();
    }

    @Test
    void printsTheBashSnippetWithTheInstallToken() {
        Result env = ccbridge.run("env");

        assertThat(env.exit()).as(env.toString()).isZero();
        String token = config().installToken();
        assertThat(env.out()).isEqualTo("export ANTHROPIC_BASE_URL='http://127.0.0.1:8787'\n"
                + "export ANTHROPIC_AUTH_TOKEN='" + token + "'\n");
        assertThat(env.err()).isEmpty();
    }

    @Test
    void printsTheSnippetForEveryShell() {
        ccbridge.run("env");
        String token = config().installToken();

        assertThat(ccbridge.run("env", "--shell", "zsh").out()).contains("export ANTHROPIC_AUTH_TOKEN='" + token + "'");
        assertThat(ccbridge.run("env", "--shell", "fish").out()).contains("set -gx ANTHROPIC_AUTH_TOKEN '" + token + "'");
        assertThat(ccbridge.run("env", "--shell", "powershell").out())
                .contains("$env:ANTHROPIC_BASE_URL = 'http://127.0.0.1:8787'");
        assertThat(ccbridge.run("env", "--shell", "cmd").out()).contains("set \"ANTHROPIC_AUTH_TOKEN=" + token + "\"");
    }

    @Test
    void pinsOneTargetWithItsOwnUrlAndToken() {
        Result env = ccbridge.run("env", "--target", "deepseek");

        var target = config().target("deepseek").orElseThrow();
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
