package dev.ccbridge.app.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.services.RegistryTargetStore;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.app.testing.TestUi;
import dev.ccbridge.core.env.ClaudeSettingsCheck;
import dev.ccbridge.core.env.Shell;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CopyEnvViewModelTest {
    private static final String NL = System.lineSeparator();

    @RegisterExtension
    final TestUi ui = new TestUi();

    @TempDir
    Path dir;

    private TargetRegistry registry;
    private Target deepseek;
    private CopyEnvViewModel vm;

    @BeforeEach
    void setUp() {
        registry = new TargetRegistry(new GatewayConfig(1, 8787, "ccb_install", null, List.of(), null), null);
        deepseek = registry.put(Target.builder().name("DeepSeek").provider("deepseek").baseUrl("https://api.deepseek.com")
                .model("deepseek-chat").apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers("deepseek-reasoner", null, null)).build());
        TargetStore targets = ui.guard().guard(TargetStore.class, new RegistryTargetStore(registry));
        EnvOverrideCheck check = ui.guard().guard(EnvOverrideCheck.class,
                new ClaudeSettingsCheck(List.of(dir.resolve("settings.json")))::warnings);
        vm = ui.call(() -> new CopyEnvViewModel(targets, () -> "http://127.0.0.1:8787", check,
                Map.of("NO_PROXY", "corp.example"), ui.executor()));
    }

    @Test
    void eachShellGetsItsOwnSyntax() {
        vm.shell.set(Shell.BASH);
        assertThat(vm.snippet()).isEqualTo("export ANTHROPIC_BASE_URL='http://127.0.0.1:8787'" + NL
                + "export ANTHROPIC_AUTH_TOKEN='ccb_install'" + NL
                + "export NO_PROXY='127.0.0.1,localhost,corp.example'" + NL);
        vm.shell.set(Shell.FISH);
        assertThat(vm.snippet()).isEqualTo("set -gx ANTHROPIC_BASE_URL 'http://127.0.0.1:8787'" + NL
                + "set -gx ANTHROPIC_AUTH_TOKEN 'ccb_install'" + NL
                + "set -gx NO_PROXY '127.0.0.1,localhost,corp.example'" + NL);
        vm.shell.set(Shell.POWERSHELL);
        assertThat(vm.snippet()).isEqualTo("$env:ANTHROPIC_BASE_URL = 'http://127.0.0.1:8787'" + NL
                + "$env:ANTHROPIC_AUTH_TOKEN = 'ccb_install'" + NL
                + "$env:NO_PROXY = '127.0.0.1,localhost,corp.example'" + NL);
        vm.shell.set(Shell.CMD);
        assertThat(vm.snippet()).isEqualTo("set \"ANTHROPIC_BASE_URL=http://127.0.0.1:8787\"" + NL
                + "set \"ANTHROPIC_AUTH_TOKEN=ccb_install\"" + NL
                + "set \"NO_PROXY=127.0.0.1,localhost,corp.example\"" + NL);
    }

    @Test
    void pinningUsesTheTargetsOwnUrlAndToken() {
        vm.pinned.set(deepseek);
        assertThat(vm.variables()).containsExactly(
                Map.entry("ANTHROPIC_BASE_URL", "http://127.0.0.1:8787/api/claude-code-proxy/" + deepseek.routeKey()),
                Map.entry("ANTHROPIC_AUTH_TOKEN", deepseek.token()),
                Map.entry("NO_PROXY", "127.0.0.1,localhost,corp.example"));
    }

    @Test
    void modelVariablesNameTheTargetsTierModels() {
        vm.includeModels.set(true);
        assertThat(vm.variables())
                .containsEntry(CopyEnvViewModel.OPUS, "deepseek-reasoner")
                .containsEntry(CopyEnvViewModel.SONNET, "deepseek-chat")
                .containsEntry(CopyEnvViewModel.HAIKU, "deepseek-chat");
        assertThat(vm.modelNoteBinding().get()).contains("after switching targets");
    }

    @Test
    void aStaleSettingsFileIsWarnedAboutAfterItIsReadInTheBackground() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"env\":{\"ANTHROPIC_BASE_URL\":\"https://api.example\"}}");
        ui.act(vm::refresh);
        assertThat(vm.warningProperty().get()).contains("ANTHROPIC_BASE_URL").contains("would not take effect");

        Files.writeString(dir.resolve("settings.json"), "{\"env\":{\"ANTHROPIC_BASE_URL\":\"https://api.example\"}}");
        ui.act(() -> vm.pinned.set(deepseek));
        assertThat(vm.warningProperty().get()).as("checked again for the pinned snippet").contains("ANTHROPIC_BASE_URL");
        Files.delete(dir.resolve("settings.json"));
        ui.act(vm::refresh);
        assertThat(vm.warningProperty().get()).isEmpty();
    }

    @Test
    void theSnippetFollowsTheCurrentPortAndToken() {
        registry.rotateInstallToken();
        ui.act(vm::refresh);
        assertThat(vm.snippet()).contains(registry.installToken()).doesNotContain("ccb_install");
    }
}
