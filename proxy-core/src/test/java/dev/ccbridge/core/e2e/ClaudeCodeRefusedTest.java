package dev.ccbridge.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.ClaudeCode;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's most common failure, with the real Claude Code CLI: its {@code settings.json}
 * overrides the token the shell set, with one that is no longer valid. The request never reaches
 * the provider, and the log says why and what to do.
 */
class ClaudeCodeRefusedTest {
    private static final String STALE = "ccb_from-an-older-install-0123456789abcdef";

    @TempDir
    Path scratch;

    @Test
    void aStaleTokenInClaudeCodesSettingsIsLoggedWithTheFixAndNeverTheToken() throws Exception {
        ClaudeCode.binary();
        Path settings = Files.createDirectories(scratch.resolve("home/.claude")).resolve("settings.json");
        Files.writeString(settings, "{\"env\":{\"ANTHROPIC_AUTH_TOKEN\":\"" + STALE + "\"}}");
        try (var provider = FakeProvider.start(Profile.of(Dialect.CHAT));
             var gateway = GatewayHarness.start(Target.builder().id("fake").name("Fake").provider("fake")
                     .baseUrl(provider.baseUrl()).model("fake-model").apiMode(ApiMode.CHAT_COMPLETIONS).build())) {
            ClaudeCode.Result result = ClaudeCode.print(gateway.baseUrl(), gateway.registry.installToken(), scratch,
                    "Say something");

            String story = ClaudeCode.story(result, gateway, provider);
            assertThat(result.exit()).as(story).isNotZero();
            assertThat(provider.requests()).as("nothing reached the provider").isEmpty();
            List<RequestRecord> log = gateway.log.snapshot();
            assertThat(log).as(story).isNotEmpty().allSatisfy(record -> {
                RequestRecord.Rejected refused = record.rejection().orElseThrow();
                assertThat(refused.reason()).isEqualTo(RejectionReason.WRONG_TOKEN);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.client()).startsWith("claude-cli/");
                assertThat(refused.failure().message())
                        .startsWith("wrong token: set ANTHROPIC_AUTH_TOKEN to the token ccbridge printed")
                        .contains("a ccbridge token that is not valid here").contains("~/.claude/settings.json")
                        .doesNotContain(STALE).doesNotContain("older-install");
            });
            assertThat(log).as("Claude Code's retries fold into one entry").hasSize(1);
        }
    }
}
