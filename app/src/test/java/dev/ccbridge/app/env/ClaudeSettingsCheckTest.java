package dev.ccbridge.app.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeSettingsCheckTest {
    private static final Map<String, String> SNIPPET = Map.of(
            "ANTHROPIC_BASE_URL", "http://127.0.0.1:8787", "ANTHROPIC_AUTH_TOKEN", "ccb_abc");

    @TempDir
    Path dir;

    @Test
    void noFileOrNoEnvSectionIsNothingToWarnAbout() throws Exception {
        var check = new ClaudeSettingsCheck(dir.resolve("settings.json"));
        assertThat(check.warning(SNIPPET)).isEmpty();
        Files.writeString(check.file(), "{\"model\":\"opus\"}");
        assertThat(check.warning(SNIPPET)).isEmpty();
    }

    @Test
    void anthropicEntriesThatDifferFromTheSnippetAreNamed() throws Exception {
        Path file = dir.resolve("settings.json");
        String before = "{\"env\":{\"ANTHROPIC_BASE_URL\":\"https://old.example\",\"ANTHROPIC_MODEL\":\"x\","
                + "\"ANTHROPIC_AUTH_TOKEN\":\"ccb_abc\",\"OTHER\":\"1\"}}";
        Files.writeString(file, before);
        var check = new ClaudeSettingsCheck(file);
        assertThat(check.overriding(SNIPPET)).containsExactly("ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL");
        assertThat(check.warning(SNIPPET)).get().asString()
                .contains("ANTHROPIC_BASE_URL, ANTHROPIC_MODEL")
                .contains("would not take effect")
                .contains("ccbridge does not change that file");
        assertThat(Files.readString(file)).as("never rewritten").isEqualTo(before);
    }

    @Test
    void settingsThatAlreadyPointAtCcbridgeAreFine() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"env\":{\"ANTHROPIC_BASE_URL\":\"http://127.0.0.1:8787\","
                + "\"ANTHROPIC_AUTH_TOKEN\":\"ccb_abc\"}}");
        assertThat(new ClaudeSettingsCheck(file).warning(SNIPPET)).isEmpty();
    }

    @Test
    void anUnreadableFileIsMentioned() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        assertThat(new ClaudeSettingsCheck(file).warning(SNIPPET)).get().asString().contains("could not be read");
    }
}
