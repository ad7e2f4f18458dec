package dev.ccbridge.core.env;

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

    private Path write(String relative, String json) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    @Test
    void noFileOrNoEnvSectionIsNothingToWarnAbout() throws Exception {
        var check = ClaudeSettingsCheck.of(Map.of("HOME", dir.toString()), null);
        assertThat(check.warnings(SNIPPET)).isEmpty();
        write(".claude/settings.json", "{\"model\":\"opus\"}");
        assertThat(check.warnings(SNIPPET)).isEmpty();
    }

    @Test
    void anthropicEntriesThatDifferFromTheSnippetAreNamed() throws Exception {
        String before = "{\"env\":{\"ANTHROPIC_BASE_URL\":\"https://old.example\",\"ANTHROPIC_MODEL\":\"x\","
                + "\"ANTHROPIC_AUTH_TOKEN\":\"ccb_abc\",\"OTHER\":\"1\"}}";
        Path file = write("home/.claude/settings.json", before);

        var warnings = ClaudeSettingsCheck.of(Map.of("HOME", dir.resolve("home").toString()), null).warnings(SNIPPET);

        assertThat(warnings).singleElement().asString().startsWith(file.toString())
                .contains("sets ANTHROPIC_BASE_URL, ANTHROPIC_MODEL in its \"env\" section")
                .contains("would not take effect").contains("ccbridge does not change that file");
        assertThat(Files.readString(file)).as("never rewritten").isEqualTo(before);
    }

    @Test
    void everyFileClaudeCodeReadsIsLookedAt() throws Exception {
        String stale = "{\"env\":{\"ANTHROPIC_AUTH_TOKEN\":\"sk-ant-old\"}}";
        Path user = write("home/.claude/settings.json", stale);
        Path configDir = write("config-dir/settings.json", stale);
        Path project = write("project/.claude/settings.json", stale);
        Path local = write("project/.claude/settings.local.json", stale);

        var check = ClaudeSettingsCheck.of(Map.of("HOME", dir.resolve("home").toString(),
                "CLAUDE_CONFIG_DIR", dir.resolve("config-dir").toString()), dir.resolve("project"));

        assertThat(check.warnings(SNIPPET)).hasSize(4);
        assertThat(String.join("\n", check.warnings(SNIPPET))).contains(user.toString()).contains(configDir.toString())
                .contains(project.toString()).contains(local.toString()).doesNotContain("sk-ant-old");
    }

    @Test
    void settingsThatAlreadyPointAtCcbridgeAreFine() throws Exception {
        write(".claude/settings.json", "{\"env\":{\"ANTHROPIC_BASE_URL\":\"http://127.0.0.1:8787\","
                + "\"ANTHROPIC_AUTH_TOKEN\":\"ccb_abc\"}}");
        assertThat(ClaudeSettingsCheck.of(Map.of("HOME", dir.toString()), null).warnings(SNIPPET)).isEmpty();
    }

    @Test
    void anUnreadableFileIsMentioned() throws Exception {
        write(".claude/settings.json", "{ not json");
        assertThat(ClaudeSettingsCheck.of(Map.of("HOME", dir.toString()), null).warnings(SNIPPET))
                .singleElement().asString().contains("could not be read");
    }
}
