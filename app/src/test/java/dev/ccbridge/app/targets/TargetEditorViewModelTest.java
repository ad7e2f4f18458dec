package dev.ccbridge.app.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.services.AppServices;
import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.testing.FakeTargets;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.app.testing.TestUi;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.fake.FakeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TargetEditorViewModelTest {
    private static final String KEY = "sk-test-0123456789abcdefghij";

    @RegisterExtension
    final TestUi ui = new TestUi();

    @TempDir
    Path dir;

    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private FakeProvider provider;
    private AppContext context;
    private TargetEditorViewModel vm;
    private TargetFields fields;

    @BeforeEach
    void setUp() {
        provider = FakeTargets.provider();
        context = TestApp.open(dir, secrets);
        AppServices services = ui.guard(TestApp.services(context));
        vm = ui.call(() -> new TargetEditorViewModel(services.targets(), services.secrets(), Map.of(),
                services.calls(), ui.executor()));
        fields = vm.fields;
    }

    @AfterEach
    void tearDown() {
        context.close();
        provider.close();
    }

    @Test
    void aNewTargetCannotBeSavedUntilItIsValid() {
        ui.act(() -> vm.newDraft(null));
        assertThat(vm.canSaveBinding().get()).isFalse();
        fields.name.set("My provider");
        fields.baseUrl.set("not a url");
        fields.model.set("m1");
        assertThat(vm.validBinding().get()).isFalse();
        assertThat(vm.canSaveBinding().get()).isFalse();
        ui.act(vm::save);
        assertThat(context.registry().targets()).isEmpty();

        fields.baseUrl.set(provider.baseUrl());
        assertThat(vm.canSaveBinding().get()).isTrue();
    }

    @Test
    void anInvalidUrlIsExplainedInWords() {
        ui.act(() -> vm.newDraft(null));
        fields.name.set("Mine");
        fields.model.set("m1");
        fields.baseUrl.set("https://api.example.com/v1 ");
        assertThat(vm.problemBinding().get()).as("a trailing space is fine").isEmpty();
        fields.baseUrl.set("https://api.example.com/my models/v1");
        assertThat(vm.problemBinding().get())
                .isEqualTo("Base URL: The base URL cannot contain spaces (check for a stray character where you"
                        + " pasted it)")
                .doesNotContain("Illegal character");
    }

    @Test
    void savingPutsTheTargetInTheConfigAndTheKeyOnlyInTheKeyStore() throws Exception {
        ui.act(() -> vm.newDraft(null));
        fields.name.set("Fake");
        fields.baseUrl.set(provider.baseUrl());
        fields.model.set("fake-model");
        vm.newKey.set(KEY);

        Target saved = ui.call(vm::save).get().orElseThrow();
        ui.settle();

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
    void fallbacksTimeLimitsAndCapabilitiesAreSavedAndShownAgain() throws Exception {
        Target backup = context.registry().put(FakeTargets.target(provider, "Backup", "backup-model"));
        Target stored = context.registry().put(FakeTargets.target(provider, "Main", "main-model"));
        ui.act(() -> vm.load(stored));
        assertThat(vm.fallbackChoices()).extracting(Target::displayName).containsExactly("Backup");

        fields.fallbacks.add(backup.id());
        fields.limit(Limit.IDLE).set("120");
        fields.limit(Limit.RETRIES).set("2");
        fields.capability(Capability.MAX_OUTPUT_TOKENS).set("16384");
        fields.capability(Capability.REASONING).set("reasoning_content_replay");
        fields.capability(Capability.REJECTS).set("temperature, top_p");
        fields.capability(Capability.VISION).set("false");
        ui.call(vm::save).get();
        ui.settle();

        Target saved = context.registry().byId(stored.id()).orElseThrow();
        assertThat(saved.fallbacks()).containsExactly(backup.id());
        assertThat(saved.options().idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(saved.options().retries()).isEqualTo(2);
        assertThat(saved.options().firstByteTimeout()).as("a blank field keeps the default").isNull();
        assertThat(saved.capabilities()).isEqualTo(new ModelCapabilities(16384, null, false,
                ModelCapabilities.Reasoning.REASONING_CONTENT_REPLAY, null, null,
                Set.of(ModelCapabilities.RequestParam.TEMPERATURE, ModelCapabilities.RequestParam.TOP_P), null, null,
                null));
        String file = Files.readString(context.paths().configFile());
        assertThat(file).contains("\"fallbacks\"").contains("\"idleTimeoutSeconds\" : \"120\"");

        ui.act(() -> vm.load(saved));
        assertThat(fields.fallbacks).containsExactly(backup.id());
        assertThat(fields.limit(Limit.IDLE).get()).isEqualTo("120");
        assertThat(fields.capability(Capability.REJECTS).get()).isEqualTo("temperature, top_p");
        assertThat(vm.fallbackChoices()).as("a fallback is offered once").isEmpty();
    }

    @Test
    void invalidLimitsAndCapabilitiesKeepTheFormFromBeingSaved() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Main", "main-model"));
        ui.act(() -> vm.load(stored));
        fields.limit(Limit.FIRST_BYTE).set("-5");
        assertThat(vm.problemBinding().get()).startsWith("First byte within (s): use a number of seconds above 0");
        assertThat(vm.canSaveBinding().get()).isFalse();
        fields.limit(Limit.FIRST_BYTE).set("45");
        fields.capability(Capability.REJECTS).set("temperature, seed");
        assertThat(vm.problemBinding().get()).startsWith("Rejected params: names from temperature");
        fields.capability(Capability.REJECTS).set("none");
        assertThat(vm.canSaveBinding().get()).isTrue();
    }

    @Test
    void blankCapabilitiesMeanWhatTheCatalogSaysAboutTheModel() {
        ui.act(() -> vm.newDraft(null));
        fields.model.set("deepseek-reasoner");
        assertThat(Capability.REASONING.catalogLabel(vm.catalogBinding().get()))
                .isEqualTo("In reasoning_content, sent back each turn");
        assertThat(Capability.PROMPT_CACHE_KEY.catalogLabel(vm.catalogBinding().get()))
                .as("a yes/no the catalog leaves unset is a no").isEqualTo("Not sent");
        fields.model.set("gpt-5.1");
        assertThat(Capability.TOKEN_PARAM.text(vm.catalogBinding().get())).isEqualTo("max_completion_tokens");
    }

    @Test
    void editsAreUnsavedChangesUntilSavedOrReverted() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        ui.act(() -> vm.load(stored));
        assertThat(vm.isDirty()).isFalse();
        fields.model.set("other-model");
        assertThat(vm.isDirty()).isTrue();
        fields.model.set("fake-model");
        assertThat(vm.isDirty()).as("back to what is saved").isFalse();
        fields.fallbacks.add("someone");
        assertThat(vm.isDirty()).as("a fallback is a change").isTrue();
        fields.fallbacks.clear();
        vm.newKey.set("sk-something-new-123");
        assertThat(vm.isDirty()).as("a typed key is a change").isTrue();
        ui.act(vm::revert);
        assertThat(vm.isDirty()).isFalse();
        assertThat(vm.newKey.get()).isEmpty();
    }

    @Test
    void aCopyOfAnotherTargetsRouteCannotBeSaved() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        ui.act(() -> vm.newDraft(Target.builder().name("Fake (copy)").provider(stored.provider())
                .baseUrl(stored.baseUrl()).model(stored.model()).apiMode(stored.apiMode()).tiers(stored.tiers()).build()));
        assertThat(vm.problemBinding().get()).startsWith("'Fake' already uses");
        assertThat(vm.canSaveBinding().get()).isFalse();
        fields.model.set("fake-model-2");
        assertThat(vm.problemBinding().get()).isEmpty();
        assertThat(vm.canSaveBinding().get()).isTrue();
    }

    @Test
    void bedrockRequiresARegion() throws Exception {
        ui.act(() -> vm.newDraft(null));
        fields.name.set("Bedrock");
        fields.apiMode.set(ApiMode.BEDROCK_CONVERSE);
        fields.model.set("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(vm.validBinding().get()).isFalse();
        fields.region.set("eu-central-1");
        assertThat(vm.validBinding().get()).isTrue();
        Target saved = ui.call(vm::save).get().orElseThrow();
        assertThat(saved.options().region()).isEqualTo("eu-central-1");
        assertThat(saved.baseUrl()).isNull();
    }

    @Test
    void removingTheKeyTakesItOutOfTheStore() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        secrets.put(stored.secretAccount(), KEY);
        ui.act(() -> vm.load(stored));
        assertThat(vm.keyStoredProperty().get()).isTrue();
        ui.act(vm::removeKey);
        assertThat(secrets.get(stored.secretAccount())).isEmpty();
        assertThat(vm.keyStoredProperty().get()).isFalse();
        assertThat(vm.keyStatusProperty().get()).startsWith("No key stored");
        assertThat(vm.messageProperty().get()).isEqualTo("The stored key was removed.");
    }

    @Test
    void testConnectionReportsTheAnswerAndLatency() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        secrets.put(stored.secretAccount(), KEY);
        ui.act(() -> vm.load(stored));
        assertThat(vm.canTestBinding().get()).isTrue();

        ui.act(vm::testConnection);

        assertThat(vm.testOkProperty().get()).isTrue();
        assertThat(vm.testResultProperty().get()).startsWith("Connected in ").contains("\u201cpong\u201d");
        assertThat(provider.received()).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    }

    @Test
    void theTestResultGoesAwayWhenTheFormChanges() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        secrets.put(stored.secretAccount(), KEY);
        ui.act(() -> vm.load(stored));
        ui.act(vm::testConnection);
        assertThat(vm.testResultProperty().get()).startsWith("Connected in ");

        fields.haiku.set("another-model");

        assertThat(vm.testResultProperty().get()).as("it described the saved form").isEmpty();
    }

    @Test
    void testConnectionExplainsAProviderError() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        secrets.put(stored.secretAccount(), KEY);
        FakeTargets.failing(provider, 403, "This key has no access to fake-model");
        ui.act(() -> vm.load(stored));
        ui.act(vm::testConnection);
        assertThat(vm.testOkProperty().get()).isFalse();
        assertThat(vm.testResultProperty().get()).contains("refused the key").contains("HTTP 403")
                .contains("This key has no access to fake-model").contains("Check the API key");
    }

    @Test
    void testingATargetWithoutAKeySaysSoFirst() {
        Target unreachable = context.registry().put(Target.builder().name("Remote").provider("remote").baseUrl("http://127.0.0.2:1/v1").model("m")
                .apiMode(ApiMode.CHAT_COMPLETIONS).apiKeyEnv("REMOTE_API_KEY").build());
        ui.act(() -> vm.load(unreachable));
        ui.act(vm::testConnection);
        assertThat(vm.testOkProperty().get()).isFalse();
        assertThat(vm.testResultProperty().get()).startsWith("This target has no API key: paste one under API key");
    }

    @Test
    void testConnectionWaitsForUnsavedChanges() {
        Target stored = context.registry().put(FakeTargets.target(provider, "Fake", "fake-model"));
        ui.act(() -> vm.load(stored));
        fields.model.set("changed");
        assertThat(vm.canTestBinding().get()).isFalse();
        ui.act(vm::testConnection);
        assertThat(provider.received()).isEmpty();
    }
}
