package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ProviderPreset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.TestUi;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TargetsViewModelTest {
    @RegisterExtension
    final TestUi ui = new TestUi();

    @TempDir
    Path dir;

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private AppContext context;
    private TargetsViewModel vm;

    @BeforeEach
    void setUp() {
        context = TestApp.open(dir, secrets);
        AppServices services = ui.guard(TestApp.services(context));
        vm = ui.call(() -> new TargetsViewModel(services.targets(), services.secrets(),
                Map.of("DEEPSEEK_API_KEY", "sk-env-0123456789"), services.servedModes(), services.calls(),
                ui.executor(), PresetCatalog.builtIn()));
        ui.settle();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aPresetFillsADraftThatIsSavedIntoTheList() {
        ProviderPreset deepseek = preset("DeepSeek");
        ui.act(() -> vm.addFromPreset(deepseek));
        TargetEditorViewModel editor = vm.editor();
        assertThat(editor.isNew()).isTrue();
        assertThat(editor.fields.baseUrl.get()).isEqualTo("https://api.deepseek.com");
        assertThat(editor.fields.model.get()).isEqualTo("deepseek-v4-pro");
        assertThat(vm.targets()).isEmpty();

        Target saved = save(editor);

        assertThat(vm.targets()).extracting(Target::id).containsExactly(saved.id());
        assertThat(vm.activeIdProperty().get()).as("the first target becomes active").isEqualTo(saved.id());
        assertThat(vm.states().get(saved.id()).hasKey()).as("its key variable is set").isTrue();
        assertThat(vm.states().get(saved.id()).summary()).isEqualTo("Chat Completions \u00b7 key set");
    }

    @Test
    void targetsCanBeReorderedActivatedAndDeletedWithTheirKeys() {
        Target a = save("DeepSeek");
        Target b = save("Groq");
        Target c = save("Mistral");
        secrets.put(b.secretAccount(), "sk-groq-0123456789abcdef");

        ui.act(() -> vm.moveUp(c));
        assertThat(vm.targets()).extracting(Target::displayName).containsExactly("DeepSeek", "Mistral", "Groq");
        ui.act(() -> vm.moveUp(vm.byId(a.id()).orElseThrow()));
        assertThat(vm.targets()).extracting(Target::displayName).as("the first stays first")
                .containsExactly("DeepSeek", "Mistral", "Groq");

        ui.act(() -> vm.activate(b));
        assertThat(context.registry().active()).map(Target::id).contains(b.id());
        assertThat(vm.activeIdProperty().get()).isEqualTo(b.id());

        ui.act(() -> vm.delete(b));
        assertThat(vm.targets()).extracting(Target::displayName).containsExactly("DeepSeek", "Mistral");
        assertThat(secrets.get(b.secretAccount())).as("its key goes too").isEmpty();
        assertThat(context.registry().active()).as("another becomes active").isPresent();
    }

    @Test
    void aDuplicateStartsAsAnUnsavedCopyThatMustDiffer() {
        Target a = save("DeepSeek");
        ui.act(() -> vm.duplicate(a));
        assertThat(vm.editor().isNew()).isTrue();
        assertThat(vm.editor().fields.name.get()).isEqualTo("DeepSeek (copy)");
        assertThat(vm.editor().canSaveBinding().get()).isFalse();
        vm.editor().fields.model.set("deepseek-reasoner");
        save(vm.editor());
        assertThat(vm.targets()).hasSize(2);
    }

    @Test
    void modesThisVersionCannotServeAreMarked() {
        Target planned = context.registry().put(Target.builder().name("Codex").provider("openai").baseUrl("https://api.openai.com/v1")
                .model("gpt-5-codex").apiMode(ApiMode.CODEX_APP_SERVER).build());
        ui.act(vm::refresh);
        assertThat(vm.served(ApiMode.CHAT_COMPLETIONS)).isTrue();
        assertThat(vm.served(ApiMode.CODEX_APP_SERVER)).isFalse();
        assertThat(vm.states().get(planned.id()).modeAvailable()).isFalse();
        assertThat(vm.states().get(planned.id()).summary()).isEqualTo("Codex app server \u00b7 mode not available yet");
    }

    @Test
    void theProviderBoxOffersThePresetsProviders() {
        assertThat(vm.providers()).contains("openai", "deepseek", "openrouter", "ollama", "bedrock").doesNotHaveDuplicates()
                .isSorted();
    }

    private Target save(String presetName) {
        ui.act(() -> vm.addFromPreset(preset(presetName)));
        return save(vm.editor());
    }

    private Target save(TargetEditorViewModel editor) {
        try {
            Target saved = ui.call(editor::save).get().orElseThrow();
            ui.settle();
            return saved;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ProviderPreset preset(String name) {
        return vm.presets().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
