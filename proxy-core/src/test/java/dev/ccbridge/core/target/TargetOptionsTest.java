package dev.ccbridge.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetOptionsTest {

    @Test
    void optionsWrittenAsStringsReadAsTimeLimitsAndCounts() {
        TargetOptions options = TargetOptions.of(Map.of("firstByteTimeoutSeconds", "30", "idleTimeoutSeconds", "1.5",
                "retries", "2", "retryMaxWaitSeconds", "0", "streaming", "false", "region", " eu-west-1 "));

        assertThat(options.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(30), Duration.ofMillis(1500),
                Duration.ZERO));
        assertThat(options.retries()).isEqualTo(2);
        assertThat(options.retryMaxWait()).isZero();
        assertThat(options.streaming()).isFalse();
        assertThat(options.region()).isEqualTo("eu-west-1");
    }

    @Test
    void aValueThatDoesNotReadKeepsTheDefaultAndIsKeptAsWritten() {
        TargetOptions options = TargetOptions.of(Map.of("idleTimeoutSeconds", "five minutes",
                "firstByteTimeoutSeconds", "-1", "retries", "many", "myOwnOption", "x"));

        assertThat(options.timeouts()).isEqualTo(Timeouts.DEFAULT);
        assertThat(options.retries()).isNull();
        assertThat(options.asMap()).containsEntry("idleTimeoutSeconds", "five minutes")
                .containsEntry("firstByteTimeoutSeconds", "-1").containsEntry("retries", "many")
                .containsEntry("myOwnOption", "x");
    }

    @Test
    void aTargetInTheFileKeepsItsOptionsAndFallbacksThroughALoadAndSave() throws Exception {
        String written = """
                {"id": "primary", "baseUrl": "https://example.test/v1", "apiMode": "chat_completions",
                 "options": {"retries": "3", "idleTimeoutSeconds": "90", "auth": "bearer", "typo": "?"},
                 "fallbacks": "deepseek, openrouter,deepseek"}
                """;
        Target target = Json.CONFIG.readValue(written, Target.class);

        assertThat(target.fallbacks()).containsExactly("deepseek", "openrouter");
        assertThat(target.options().retries()).isEqualTo(3);
        assertThat(target.timeouts().idle()).isEqualTo(Duration.ofSeconds(90));

        String saved = Json.CONFIG.writeValueAsString(target);
        Target again = Json.CONFIG.readValue(saved, Target.class);
        assertThat(again).isEqualTo(target);
        assertThat(Json.CONFIG.readTree(saved).get("fallbacks").isArray()).isTrue();
        assertThat(Json.CONFIG.readTree(saved).get("options").get("typo").asText()).isEqualTo("?");
    }
}
