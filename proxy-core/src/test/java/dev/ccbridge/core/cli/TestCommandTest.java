package dev.ccbridge.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.testing.CcbridgeProcess;
import dev.ccbridge.core.testing.CcbridgeProcess.Result;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccbridge test [ID]}, run as the real launcher against a provider that checks its key. */
class TestCommandTest {
    private static final String KEY = "sk-fake-provider-0123456789";

    @TempDir
    Path dir;

    private CcbridgeProcess ccbridge;
    private FakeProvider provider;

    @BeforeEach
    void setUp() {
        ccbridge = new CcbridgeProcess(dir);
        provider = FakeProvider.start(Profile.of(Dialect.CHAT).requiringKey(KEY));
        Result add = ccbridge.run("targets", "add", "--name", "Fake", "--base-url", provider.baseUrl(),
                "--model", "fake-model", "--api-key-env", "FAKE_API_KEY");
        assertThat(add.exit()).as(add.toString()).isZero();
    }

    @AfterEach
    void tearDown() throws Exception {
        provider.close();
    }

    @Test
    void aTargetWithItsKeyAnswers() {
        Result test = ccbridge.env("FAKE_API_KEY", KEY).run("test", "fake");

        assertThat(test.exit()).as(test.toString()).isZero();
        assertThat(test.out()).startsWith("Fake (fake-model): OK in ").doesNotContain(KEY);
        assertThat(provider.requests()).hasSize(1);
    }

    @Test
    void theProvidersRefusalOfAWrongKeyIsPrintedInWords() {
        Result test = ccbridge.env("CCBRIDGE_KEY_FAKE", "sk-wrong-0123456789").run("test", "fake");

        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.out()).startsWith("Fake (fake-model): Failed (HTTP 401)").contains("Incorrect API key")
                .doesNotContain("sk-wrong");
    }

    @Test
    void theActiveTargetWithoutAKeyFailsBeforeAnythingIsSentAndNamesTheFix() {
        Result test = ccbridge.run("test");

        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.out()).startsWith("OpenAI (gpt-5.5): Failed (HTTP 401)")
                .contains("OpenAI (target 'openai') has no API key")
                .contains("Add an API key for OpenAI: run `ccbridge keys set openai`, or set OPENAI_API_KEY");
    }

    @Test
    void anUnknownTargetIsAnError() {
        Result test = ccbridge.run("test", "nosuch");

        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.err()).endsWith("ccbridge: no target 'nosuch'\n");
    }
}
