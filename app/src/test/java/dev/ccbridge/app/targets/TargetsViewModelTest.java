package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ProviderPreset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.Target;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsViewModelTest {
    @TempDir
    Path dir;

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private AppContext context;
    private TargetsViewModel vm;

    @BeforeEach
    void setUp() {
        context = TestApp.open(dir, secrets);
        vm = new TargetsViewModel(context.registry(), secrets, Map.of("DEEPSEEK_API_KEY", "sk-env-0123456789"),
                context.server(), UiExecutor.direct(), PresetCatalog.builtIn());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aPresetFillsADraftThatIsSavedIntoTheList() {
        ProviderPreset deepseek = preset("DeepSeek");
        vm.addFromPreset(deepseek);
        TargetEditorViewModel editor = vm.editor();
        assertThat(editor.isNew()).isTrue();
        assertThat(editor.baseUrl.get()).isEqualTo("https://api.deepseek.com");
        assertThat(editor.model.get()).isEqualTo("deepseek-v4-pro");
        assertThat(vm.targets()).isEmpty();

        Target saved = editor.save().orElseThrow();

        assertThat(vm.targets()).extracting(Target::id).containsExactly(saved.id());
        assertThat(vm.activeIdProperty().get()).as("the first target becomes active").isEqualTo(saved.id());
        assertThat(vm.states().get(saved.id()).hasKey()).as("its key variable is set").isTrue();
        assertThat(vm.states().get(saved.id()).summary()).isEqualTo("chat_completions \u00b7 key set");
    }

    @Test
    void targetsCanBeReorderedActivatedAndDeletedWithTheirKeys() {
        Target a = save("DeepSeek");
        Target b = save("Groq");
        Target c = save("Mistral");
        secrets.put(b.secretAccount(), "sk-groq-0123456789abcdef");

        vm.moveUp(c);
        assertThat(vm.targets()).extracting(Target::displayName).containsExactly("DeepSeek", "Mistral", "Groq");
        vm.moveUp(vm.byId(a.id()).orElseThrow());
        assertThat(vm.targets()).extracting(Target::displayName).as("the first stays first")
                .containsExactly("DeepSeek", "Mistral", "Groq");

        vm.activate(b);
        assertThat(context.registry().active()).map(Target::id).contains(b.id());

        vm.delete(b);
        assertThat(vm.targets()).extracting(Target::displayName).containsExactly("DeepSeek", "Mistral");
        assertThat(secrets.get(b.secretAccount())).as("its key goes too").isEmpty();
        assertThat(context.registry().active()).as("another becomes active").isPresent();
    }

    @Test
    void aDuplicateStartsAsAnUnsavedCopyThatMustDiffer() {
        Target a = save("DeepSeek");
        vm.duplicate(a);
        assertThat(vm.editor().isNew()).isTrue();
        assertThat(vm.editor().name.get()).isEqualTo("DeepSeek (copy)");
        assertThat(vm.editor().canSaveBinding().get()).isFalse();
        vm.editor().model.set("deepseek-reasoner");
        assertThat(vm.editor().save()).isPresent();
        assertThat(vm.targets()).hasSize(2);
    }

    @Test
    void modesThisVersionCannotServeAreMarked() {
        Target bedrock = vm.presets().stream().filter(p -> p.name().equals("AWS Bedrock")).findFirst()
                .map(p -> context.registry().put(p.toTarget())).orElseThrow();
        vm.refresh();
        boolean available = context.server().context().upstreams().forMode(bedrock.apiMode()).isPresent();
        assertThat(vm.states().get(bedrock.id()).modeAvailable()).isEqualTo(available);
        if (!available) {
            assertThat(vm.states().get(bedrock.id()).summary()).contains("not available");
        }
    }

    private Target save(String presetName) {
        vm.addFromPreset(preset(presetName));
        return vm.editor().save().orElseThrow();
    }

    private ProviderPreset preset(String name) {
        return vm.presets().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
