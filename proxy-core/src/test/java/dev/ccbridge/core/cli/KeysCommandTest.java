package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccbridge keys} and the key chain where no keychain is reachable (a server: here, no
 * session bus), run as the real launcher. With the real Secret Service: the app module's
 * {@code SharedKeychainTest}.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "elsewhere the OS keychain is always reachable")
class KeysCommandTest {
    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir);
    }

    @Test
    void listSaysWhereEachKeyComesFromAndNeverTheKey() {
        ccbridge.env("OPENAI_API_KEY", "sk-openai-0123456789").env("CCBRIDGE_KEY_DEEPSEEK", "sk-deepseek-0123456789");

        Result list = ccbridge.run("keys", "list");

        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).isEqualTo("""
                openai         OpenAI                 key from $OPENAI_API_KEY
                deepseek       DeepSeek               key from $CCBRIDGE_KEY_DEEPSEEK
                openrouter     OpenRouter             no key: ccbridge keys set openrouter
                ollama         Ollama (local)         no key needed
                """);
        assertThat(list.out() + list.err()).doesNotContain("sk-openai").doesNotContain("sk-deepseek");
    }

    @Test
    void withoutAKeychainItSaysSoOnceAndUsesTheEnvironment() {
        ccbridge.env("OPENAI_API_KEY", "sk-openai-0123456789");

        Result list = ccbridge.run("targets", "list");

        assertThat(list.exit()).isZero();
        assertThat(list.err()).startsWith("ccbridge: No OS keychain is reachable here (")
                .contains("API keys come from the environment").contains("CCBRIDGE_KEY_<ID>");
        assertThat(list.err().lines().count()).isEqualTo(1);
        assertThat(list.out()).containsPattern("(?m)^\\* openai .* \\(key from \\$OPENAI_API_KEY\\)$")
                .containsPattern("(?m)^  deepseek .* \\(no key: ccbridge keys set deepseek\\)$");
    }

    @Test
    void theTargetsOwnVariableComesBeforeCcbridgesVariable() {
        ccbridge.env("OPENAI_API_KEY", "sk-a-0123456789").env("CCBRIDGE_KEY_OPENAI", "sk-b-0123456789");

        assertThat(ccbridge.run("keys").out()).contains("openai         OpenAI                 key from $OPENAI_API_KEY");
    }

    @Test
    void setAndRemoveWithoutAKeychainSayWhatToDoInstead() {
        Result set = ccbridge.runWithInput("sk-typed-0123456789\n", "keys", "set", "openai");
        assertThat(set.exit()).isEqualTo(1);
        assertThat(set.out()).isEmpty();
        assertThat(set.err()).contains("the key was not stored: there is no OS keychain to keep it in")
                .contains("Set OPENAI_API_KEY or CCBRIDGE_KEY_OPENAI where ccbridge runs instead")
                .doesNotContain("sk-typed");

        Result remove = ccbridge.run("keys", "remove", "openai");
        assertThat(remove.exit()).isEqualTo(1);
        assertThat(remove.err()).contains("its key can only come from OPENAI_API_KEY or CCBRIDGE_KEY_OPENAI");
    }

    @Test
    void anUnknownTargetIsRefusedBeforeTheKeyIsRead() {
        Result set = ccbridge.runWithInput("sk-typed-0123456789\n", "keys", "set", "nosuch");

        assertThat(set.exit()).isEqualTo(1);
        assertThat(set.err()).isEqualTo("ccbridge: no target 'nosuch'\n");
    }
}
