package dev.ccbridge.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.RoutingRule.Condition;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.GatewayHarness;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.agent.Agent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing rules through the real gateway: two fake providers over HTTP, and which one answered. */
class RoutingEndToEndTest {
    private FakeProvider textOnly;
    private FakeProvider vision;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        textOnly = FakeProvider.start(Profile.of(Dialect.CHAT).answering(Agent.saying("answered by text-only")));
        vision = FakeProvider.start(Profile.of(Dialect.CHAT).answering(Agent.saying("answered by vision")));
        gateway = GatewayHarness.start(Target.builder().id("deepseek").name("DeepSeek").provider("deepseek")
                .baseUrl(textOnly.baseUrl()).model("deepseek-v4-flash").apiMode(ApiMode.CHAT_COMPLETIONS)
                .capabilities(new ModelCapabilities(null, null, false, null, null, null, null, null, null, null))
                .build());
        Target openai = gateway.registry.put(Target.builder().id("openai").name("OpenAI").provider("openai")
                .baseUrl(vision.baseUrl()).model("gpt-5.5").apiMode(ApiMode.CHAT_COMPLETIONS).build());
        gateway.secrets.put(openai.secretAccount(), GatewayHarness.KEY);
        gateway.registry.setRouting(List.of(new RoutingRule(Condition.IMAGE, "openai", "gpt-5.5", null)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        textOnly.close();
        vision.close();
    }

    private static String body(String model, String content) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":"
                + content + "}]}";
    }

    private static final String WITH_IMAGE = "[{\"type\":\"text\",\"text\":\"what is on it?\"},{\"type\":\"image\","
            + "\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]";

    private static String text(HttpResponse<String> response) {
        JsonNode json = Json.parseOrNull(response.body());
        assertThat(json).as(response.body()).isNotNull();
        return json.path("content").path(0).path("text").asText();
    }

    @Test
    void anImageTheTargetCannotSeeGoesToTheVisionTargetAndTheLogSaysSo() {
        HttpResponse<String> plain = gateway.post("/v1/messages", body("claude-sonnet-4-6", "\"hello\""));
        HttpResponse<String> image = gateway.post("/v1/messages", body("claude-sonnet-4-6", WITH_IMAGE));

        assertThat(text(plain)).isEqualTo("answered by text-only");
        assertThat(text(image)).isEqualTo("answered by vision");
        assertThat(Json.parseOrNull(image.body()).path("model").asText())
                .as("the answer names the model Claude Code asked for").isEqualTo("claude-sonnet-4-6");
        assertThat(vision.requests()).singleElement()
                .satisfies(sent -> assertThat(sent.path("model").asText()).isEqualTo("gpt-5.5"));
        RequestRecord routed = gateway.log.snapshot().getLast();
        assertThat(routed.routing().targetId()).isEqualTo("openai");
        assertThat(routed.routing().routedBy()).isEqualTo("image -> openai (gpt-5.5)");
    }

    @Test
    void claudeCodeSwitchesProviderWithTargetCommaModel() {
        HttpResponse<String> answer = gateway.post("/v1/messages", body("openai,gpt-5.5-mini", "\"hello\""));

        assertThat(text(answer)).isEqualTo("answered by vision");
        assertThat(vision.requests().getLast().path("model").asText()).isEqualTo("gpt-5.5-mini");
        assertThat(gateway.log.snapshot().getLast().routing().routedBy()).isEqualTo("/model openai,gpt-5.5-mini");
    }

    @Test
    void aTargetsOwnUrlStillPinsIt() throws Exception {
        Target deepseek = gateway.registry.byId("deepseek").orElseThrow();
        HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(
                        URI.create(deepseek.pinnedUrl(gateway.baseUrl()) + "/v1/messages"))
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("Authorization", "Bearer " + deepseek.token())
                .POST(HttpRequest.BodyPublishers.ofString(body("claude-sonnet-4-6", WITH_IMAGE))));

        assertThat(text(answer)).isEqualTo("answered by text-only");
        assertThat(vision.requests()).isEmpty();
    }
}
