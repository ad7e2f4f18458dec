package dev.ccbridge.app.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.testing.FakeTargets;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.FakeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetEditorViewModelTest {
    private static final String KEY = "sk-test-0123456789abcdefghij";

    @TempDir
    Path dir;

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private FakeProvider provider;
    private AppContext context;
    private TargetEditorViewModel vm;

    @BeforeEach
    void setUp() {
        provider = FakeTargets.provider();
        context = TestApp.open(dir, secrets);
        vm = new TargetEditorViewModel(context.registry(), secrets, Map.of(), context.server(), UiExecutor.direct());
    }

    @AfterEach
    void tearDown() {
        context.close();
        provider.close();
    }

    @Test
    void aNewTargetCannotBeSavedUntilItIsValid() {
        vm.newDraft(null);
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.name.set("My provider");
        vm.baseUrl.set("not a url");
        vm.model.set("m1");
        assertThat(vm.validBinding().get()).isFalse();
        assertThat(vm.canSaveBinding().get()).isFalse();
        assertThat(vm.save()).isEmpty();
        assertThat(context.registry().targets()).isEmpty();

        vm.baseUrl.set(provider.baseUrl());
        assertThat(vm.canSaveBinding().get()).isTrue();
    }

    @Test
    void savingPutsTheTargetInTheConfigAndTheKeyOnlyInTheKeyStore() throws Exception {
        vm.newDraft(null);
        vm.name.set("Fake");
        vm.baseUrl.set(provider.baseUrl());
        vm.model.set("fake-model");
        vm.newKey.set(KEY);

        Target saved = vm.save().orElseThrow();

        assertThat(context.registry().byId(saved.id())).isPresent();
        assertThat(secrets.get(saved.secretAccount())).contains(KEY);
        String config = Files.readString(context.paths().configFile());
        assertThat(config).contains("fake-model").doesNotContain(KEY);
        assertThat(vm.newKey.get()).as("the typed key is not kept in the form").isEmpty();
        assertThat(vm.keyStoredProperty().get()).isTrue();
        assertThat(vm.keyStatusProperty().get()).isEqualTo("A key is kept in memory for this session only.");
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.messageProperty().get()).contains("Saved");
    }

    @Test
    void editsAreUnsavedChangesUntilSavedOrReverted() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        vm.load(stored);
        assertThat(vm.isDirty()).isFalse();
        vm.model.set("other-model");
        assertThat(vm.isDirty()).isTrue();
        vm.model.set("fake-model");
        assertThat(vm.isDirty()).as("back to what is saved").isFalse();
        vm.newKey.set("sk-something-new-123");
        assertThat(vm.isDirty()).as("a typed key is a change").isTrue();
        vm.revert();
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.newKey.get()).isEmpty();
    }

    @Test
    void aCopyOfAnotherTargetsRouteCannotBeSaved() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        vm.newDraft(Target.builder().name("Fake (copy)").provider(stored.provider()).baseUrl(stored.baseUrl())
                .model(stored.model()).apiMode(stored.apiMode()).tiers(stored.tiers()).build());
        assertThat(vm.conflictBinding().get()).contains("'Fake' already uses");
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.model.set("fake-model-2");
        assertThat(vm.conflictBinding().get()).isNull();
        assertThat(vm.canSaveBinding().get()).isTrue();
    }

    @Test
    void bedrockRequiresARegion() {
        vm.newDraft(null);
        vm.name.set("Bedrock");
        vm.apiMode.set(ApiMode.BEDROCK_CONVERSE);
        vm.model.set("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(vm.validBinding().get()).isFalse();
        vm.region.set("eu-central-1");
        assertThat(vm.validBinding().get()).isTrue();
        Target saved = vm.save().orElseThrow();
        assertThat(saved.options().region()).isEqualTo("eu-central-1");
        assertThat(saved.baseUrl()).isNull();
    }

    @Test
    void removingTheKeyTakesItOutOfTheStore() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        secrets.put(stored.secretAccount(), KEY);
        vm.load(stored);
        assertThat(vm.keyStoredProperty().get()).isTrue();
        vm.removeKey();
        assertThat(secrets.get(stored.secretAccount())).isEmpty();
        assertThat(vm.keyStoredProperty().get()).isFalse();
        assertThat(vm.keyStatusProperty().get()).startsWith("No key stored");
    }

    @Test
    void testConnectionReportsTheAnswerAndLatency() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        secrets.put(stored.secretAccount(), KEY);
        vm.load(stored);
        assertThat(vm.canTestBinding().get()).isTrue();

        vm.testConnection();

        assertThat(vm.testOkProperty().get()).isTrue();
        assertThat(vm.testResultProperty().get()).startsWith("Connected in ").contains("\u201cpong\u201d");
        assertThat(provider.received()).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    }

    @Test
    void testConnectionExplainsAProviderError() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        secrets.put(stored.secretAccount(), KEY);
        FakeTargets.failing(provider, 403, "This key has no access to fake-model");
        vm.load(stored);
        vm.testConnection();
        assertThat(vm.testOkProperty().get()).isFalse();
        assertThat(vm.testResultProperty().get()).contains("refused the key").contains("HTTP 403")
                .contains("This key has no access to fake-model").contains("Check the API key");
    }

    @Test
    void testConnectionWaitsForUnsavedChanges() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        vm.load(stored);
        vm.model.set("changed");
        assertThat(vm.canTestBinding().get()).isFalse();
        vm.testConnection();
        assertThat(provider.received()).isEmpty();
    }
}
