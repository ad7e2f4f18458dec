package dev.ccbridge.core.upstream.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.ProfileFile;

/** Which region, endpoint and credentials a Bedrock target's settings lead to. */
class BedrockSettingsTest {
    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    static Supplier<ProfileFile> noProfiles() {
        return profiles("");
    }

    static Supplier<ProfileFile> profiles(String config) {
        ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
        return () -> file;
    }

    private static Target target(Map<String, String> options) {
        return Target.builder().id("b").name("Bedrock").provider("aws").model(MODEL)
                .apiMode(ApiMode.BEDROCK_CONVERSE).options(options).build();
    }

    private static BedrockSettings settings(Map<String, String> options, Optional<String> key, Map<String, String> env)
            throws BedrockSettings.Invalid {
        return BedrockSettings.of(target(options), MODEL, key, env, noProfiles());
    }

    @Test
    void aStoredKeyIsUsedAsBedrockApiKey() throws Exception {
        var s = settings(Map.of("region", "us-east-1"), Optional.of("ABSKsecret"), Map.of());
        assertThat(s.auth()).isEqualTo(new BedrockSettings.ApiKey("ABSKsecret"));
        assertThat(s.auth().toString()).doesNotContain("ABSKsecret");
        assertThat(s.clientKey()).doesNotContain("ABSKsecret");
    }

    @Test
    void aNamedProfileIsUsedWhenNoKeyIsStored() throws Exception {
        var s = settings(Map.of("region", "us-east-1", "profile", "work"), Optional.empty(), Map.of());
        assertThat(s.auth()).isEqualTo(new BedrockSettings.Profile("work"));
    }

    @Test
    void withoutKeyOrProfileTheBedrockKeyVariableAndThenTheDefaultChainApply() throws Exception {
        var fromEnv = settings(Map.of("region", "us-east-1"), Optional.empty(),
                Map.of("AWS_BEARER_TOKEN_BEDROCK", "ABSKenv"));
        assertThat(fromEnv.auth()).isEqualTo(new BedrockSettings.ApiKey("ABSKenv"));
        var chain = settings(Map.of("region", "us-east-1"), Optional.empty(), Map.of());
        assertThat(chain.auth()).isInstanceOf(BedrockSettings.DefaultChain.class);
    }

    @Test
    void optionAuthOverridesAStoredKey() throws Exception {
        var s = settings(Map.of("region", "us-east-1", "auth", "aws"), Optional.of("ABSKsecret"), Map.of());
        assertThat(s.auth()).isInstanceOf(BedrockSettings.DefaultChain.class);
        assertThatThrownBy(() -> settings(Map.of("region", "us-east-1", "auth", "api_key"), Optional.empty(), Map.of()))
                .isInstanceOf(BedrockSettings.Invalid.class)
                .hasMessageContaining("keychain").hasMessageContaining("AWS_BEARER_TOKEN_BEDROCK");
    }

    @Test
    void theRegionComesFromTheOptionThenTheModelArnThenTheEnvironmentThenTheProfile() throws Exception {
        assertThat(settings(Map.of("region", "eu-central-1"), Optional.empty(), Map.of("AWS_REGION", "us-west-2"))
                .region()).isEqualTo("eu-central-1");
        String arn = "arn:aws:bedrock:ap-southeast-2:123456789012:inference-profile/apac.anthropic.claude-sonnet-4";
        assertThat(BedrockSettings.of(target(Map.of()), arn, Optional.empty(), Map.of("AWS_REGION", "us-west-2"),
                noProfiles()).region()).isEqualTo("ap-southeast-2");
        assertThat(settings(Map.of(), Optional.empty(), Map.of("AWS_REGION", "us-west-2")).region())
                .isEqualTo("us-west-2");
        var fromProfile = BedrockSettings.of(target(Map.of("profile", "work")), MODEL, Optional.empty(), Map.of(),
                profiles("[profile work]\nregion = eu-west-3\n"));
        assertThat(fromProfile.region()).isEqualTo("eu-west-3");
    }

    @Test
    void noRegionAnywhereIsAClearConfigurationError() {
        assertThatThrownBy(() -> settings(Map.of(), Optional.empty(), Map.of()))
                .isInstanceOf(BedrockSettings.Invalid.class)
                .hasMessageContaining("option region");
    }

    @Test
    void anEndpointOverrideIsAUrlAndNamesItsRegion() throws Exception {
        var s = settings(Map.of("endpoint", "https://bedrock-runtime.eu-west-1.amazonaws.com"), Optional.empty(),
                Map.of());
        assertThat(s.endpoint()).hasToString("https://bedrock-runtime.eu-west-1.amazonaws.com");
        assertThat(s.region()).isEqualTo("eu-west-1");
        assertThatThrownBy(() -> settings(Map.of("region", "us-east-1", "endpoint", "not a url"), Optional.empty(),
                Map.of())).isInstanceOf(BedrockSettings.Invalid.class).hasMessageContaining("not a URL");
    }

    @Test
    void clientsAreSharedOnlyBetweenIdenticalSettings() throws Exception {
        var a = settings(Map.of("region", "us-east-1"), Optional.of("k1"), Map.of());
        var b = settings(Map.of("region", "us-east-1"), Optional.of("k1"), Map.of());
        var otherKey = settings(Map.of("region", "us-east-1"), Optional.of("k2"), Map.of());
        var otherRegion = settings(Map.of("region", "us-west-2"), Optional.of("k1"), Map.of());
        assertThat(a.clientKey()).isEqualTo(b.clientKey())
                .isNotEqualTo(otherKey.clientKey())
                .isNotEqualTo(otherRegion.clientKey());
    }

    @Test
    void streamingIsOnUnlessTurnedOff() throws Exception {
        assertThat(settings(Map.of("region", "us-east-1"), Optional.empty(), Map.of()).streaming()).isTrue();
        assertThat(settings(Map.of("region", "us-east-1", "streaming", "false"), Optional.empty(), Map.of())
                .streaming()).isFalse();
    }
}
