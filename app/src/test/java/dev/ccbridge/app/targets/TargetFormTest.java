package dev.ccbridge.app.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetFormTest {
    @Test
    void baseUrlsMustBeHttpUrlsWithAHost() {
        assertThat(TargetForm.baseUrlError("https://api.deepseek.com", ApiMode.CHAT_COMPLETIONS)).isEmpty();
        assertThat(TargetForm.baseUrlError("http://127.0.0.1:11434/v1", ApiMode.CHAT_COMPLETIONS)).isEmpty();
        assertThat(TargetForm.baseUrlError("api.deepseek.com", ApiMode.CHAT_COMPLETIONS)).get().asString()
                .contains("http://");
        assertThat(TargetForm.baseUrlError("ftp://x.example", ApiMode.CHAT_COMPLETIONS)).isPresent();
        assertThat(TargetForm.baseUrlError("https://x.example/v1?key=1", ApiMode.CHAT_COMPLETIONS)).get().asString()
                .contains("query");
        assertThat(TargetForm.baseUrlError("https://exa mple.com", ApiMode.CHAT_COMPLETIONS)).isPresent();
        assertThat(TargetForm.baseUrlError("", ApiMode.CHAT_COMPLETIONS)).get().asString().contains("required");
    }

    @Test
    void bedrockNeedsARegionButNoBaseUrl() {
        assertThat(TargetForm.baseUrlError("", ApiMode.BEDROCK_CONVERSE)).isEmpty();
        assertThat(TargetForm.regionError("", ApiMode.BEDROCK_CONVERSE)).get().asString().contains("region");
        assertThat(TargetForm.regionError("us-east-1", ApiMode.BEDROCK_CONVERSE)).isEmpty();
        assertThat(TargetForm.regionError("us-gov-west-1", ApiMode.BEDROCK_CONVERSE)).isEmpty();
        assertThat(TargetForm.regionError("virginia", ApiMode.BEDROCK_CONVERSE)).isPresent();
        assertThat(TargetForm.regionError("", ApiMode.CHAT_COMPLETIONS)).isEmpty();
    }

    @Test
    void headersArePerLineNameColonValue() {
        assertThat(TargetForm.headersError("HTTP-Referer: https://me.example\nX-Title: ccbridge")).isEmpty();
        assertThat(TargetForm.headersError("\n\n")).isEmpty();
        assertThat(TargetForm.headersError("X-Ok: 1\nno colon here")).get().asString().startsWith("Line 2");
        assertThat(TargetForm.headersError("Bad Name: 1")).isPresent();
    }

    @Test
    void pricesAreOptionalNonNegativeNumbers() {
        assertThat(TargetForm.priceError("")).isEmpty();
        assertThat(TargetForm.priceError("0.28")).isEmpty();
        assertThat(TargetForm.priceError("-1")).isPresent();
        assertThat(TargetForm.priceError("cheap")).isPresent();
    }

    @Test
    void aSavedTargetKeepsWhatTheFormDoesNotShow() {
        Target original = Target.builder().id("ds").name("DeepSeek").provider("deepseek").baseUrl("https://api.deepseek.com")
                .model("deepseek-chat").apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers("deepseek-reasoner", null, null))
                .models(List.of("deepseek-chat")).headers(Map.of("X-A", "1"))
                .apiKeyEnv("DEEPSEEK_API_KEY").token("ccb_token").options(Map.of("auth", "bearer")).build();
        TargetForm form = TargetForm.of(original);
        assertThat(form.headers()).isEqualTo("X-A: 1");
        Target rebuilt = form.withName("DeepSeek V3").toTarget(original);
        assertThat(rebuilt.id()).isEqualTo("ds");
        assertThat(rebuilt.token()).isEqualTo("ccb_token");
        assertThat(rebuilt.models()).containsExactly("deepseek-chat");
        assertThat(rebuilt.options().asMap()).containsEntry("auth", "bearer");
        assertThat(rebuilt.name()).isEqualTo("DeepSeek V3");
        assertThat(rebuilt.tiers()).isEqualTo(new ModelTiers("deepseek-reasoner", null, null));
        assertThat(rebuilt.headers()).isEqualTo(Map.of("X-A", "1"));
    }

    @Test
    void theSameRouteAsAnotherTargetIsAConflict() {
        Target existing = Target.builder().id("a").name("A").provider("openai").baseUrl("https://api.openai.com/v1")
                .model("gpt-5.1").apiMode(ApiMode.CHAT_COMPLETIONS).token("ccb_x").build();
        TargetForm same = TargetForm.of(existing).withName("Copy");
        assertThat(same.conflictWith(List.of(existing), null)).get().asString().contains("'A' already uses");
        assertThat(same.conflictWith(List.of(existing), "a")).as("itself is no conflict").isEmpty();
    }
}
