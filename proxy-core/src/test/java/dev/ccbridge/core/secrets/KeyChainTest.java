package dev.ccbridge.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one key chain of every front end: the key store, then the target's variable, then CCBRIDGE_KEY_<ID>. */
class KeyChainTest {
    private static final KeyringSecretStore.Opening NO_KEYCHAIN =
            new KeyringSecretStore.Opening.Unavailable("no keyring backend found");

    private static Target target(String id, String baseUrl, String apiKeyEnv, ApiMode mode, Map<String, String> headers) {
        return Target.builder().id(id).name(id.toUpperCase()).provider(id).baseUrl(baseUrl).model("m")
                .apiMode(mode).headers(headers).apiKeyEnv(apiKeyEnv).token("ccb_t").build();
    }

    private static Target hosted(String id) {
        return target(id, "https://api.example.com/v1", "EXAMPLE_API_KEY", ApiMode.CHAT_COMPLETIONS, Map.of());
    }

    @Test
    void theStoredKeyComesFirstThenTheTargetsVariableThenCcbridgesOwn() {
        var store = new InMemorySecretStore();
        Target target = hosted("groq");
        var env = Map.of("EXAMPLE_API_KEY", "sk-named", "CCBRIDGE_KEY_GROQ", "sk-own");

        store.put("target.groq", "sk-stored");
        assertThat(new KeyResolver(store, env).find(target)).contains(
                new FoundKey("sk-stored", new KeySource.Store("memory (this session only)")));
        store.delete("target.groq");
        assertThat(new KeyResolver(store, env).find(target)).contains(
                new FoundKey("sk-named", new KeySource.TargetVariable("EXAMPLE_API_KEY")));
        assertThat(new KeyResolver(store, Map.of("CCBRIDGE_KEY_GROQ", " sk-own\n")).find(target)).contains(
                new FoundKey("sk-own", new KeySource.CcbridgeVariable("CCBRIDGE_KEY_GROQ")));
        assertThat(new KeyResolver(store, Map.of("EXAMPLE_API_KEY", "  ")).find(target)).isEmpty();
    }

    @Test
    void aFoundKeyNeverShowsItsValueInText() {
        var found = new FoundKey("sk-secret-0123456789", new KeySource.TargetVariable("OPENAI_API_KEY"));

        assertThat(found.toString()).doesNotContain("sk-secret").contains("$OPENAI_API_KEY");
    }

    @Test
    void onlyAHostedTargetThatNamesAKeyVariableNeedsAKey() {
        var keys = new KeyResolver(new InMemorySecretStore(), Map.of());

        assertThat(keys.readiness(Optional.of(hosted("openai")))).isInstanceOf(TargetReadiness.MissingKey.class);
        assertThat(keys.readiness(Optional.of(target("ollama", "http://127.0.0.1:11434/v1", "OLLAMA_KEY",
                ApiMode.CHAT_COMPLETIONS, Map.of())))).as("local").isInstanceOf(TargetReadiness.Ready.class);
        assertThat(keys.readiness(Optional.of(target("vllm", "http://gpu-box:8000/v1", null,
                ApiMode.CHAT_COMPLETIONS, Map.of())))).as("names no variable").isInstanceOf(TargetReadiness.Ready.class);
        assertThat(keys.readiness(Optional.of(target("bedrock", "https://bedrock-runtime.us-east-1.amazonaws.com",
                "AWS_BEARER_TOKEN_BEDROCK", ApiMode.BEDROCK_CONVERSE, Map.of())))).as("AWS credentials")
                .isInstanceOf(TargetReadiness.Ready.class);
        assertThat(keys.readiness(Optional.of(target("gw", "https://gw.example.com", "GW_KEY",
                ApiMode.ANTHROPIC_MESSAGES, Map.of("X-Api-Key", "k"))))).as("credentials in its headers")
                .isInstanceOf(TargetReadiness.Ready.class);
        assertThat(keys.readiness(Optional.empty())).isInstanceOf(TargetReadiness.NoTarget.class);
    }

    @Test
    void aMissingKeyNamesTheTargetAndEveryWayToGiveItOne() {
        var missing = new TargetReadiness.MissingKey(Target.builder().id("openai").name("OpenAI").provider("openai").baseUrl("https://api.openai.com/v1")
                .model("gpt-5.5").apiMode(ApiMode.CHAT_COMPLETIONS).apiKeyEnv("OPENAI_API_KEY")
                .token("ccb_t").build());

        assertThat(missing.headline()).isEqualTo("Add an API key for OpenAI");
        assertThat(missing.command()).isEqualTo("ccbridge keys set openai");
        assertThat(missing.ways()).isEqualTo("run `ccbridge keys set openai`, or set OPENAI_API_KEY");
        assertThat(missing.requestError()).startsWith("OpenAI (target 'openai') has no API key")
                .contains("Add an API key for OpenAI: run `ccbridge keys set openai`, or set OPENAI_API_KEY");
    }

    @Test
    void withoutAKeychainKeysLastForTheSessionAndTheUserIsToldWhereKeysComeFrom() {
        KeyStorage keys = KeyStorage.choose(() -> NO_KEYCHAIN);

        assertThat(keys.keychain()).isFalse();
        assertThat(keys.store().persistent()).isFalse();
        assertThat(keys.notice()).get().asString().contains("no keyring backend found")
                .contains("apiKeyEnv").contains("CCBRIDGE_KEY_<ID>");
        keys.store().put("target.deepseek", "sk-typed");
        assertThat(keys.store().get("target.deepseek")).contains("sk-typed");
    }
}
