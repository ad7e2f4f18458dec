package dev.ccbridge.app.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import java.util.List;
import java.util.Map;

/**
 * A Chat Completions provider over real HTTP on 127.0.0.1 (WireMock), answering every request
 * with a short streamed reply (ccbridge always streams from chat upstreams) or an error.
 */
public final class FakeProvider implements AutoCloseable {
    private final WireMockServer server;

    private FakeProvider(WireMockServer server) {
        this.server = server;
    }

    public static FakeProvider start() {
        var server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        var provider = new FakeProvider(server);
        provider.answers("pong", 12, 3);
        return provider;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** A target for this provider (not yet in any registry). */
    public Target target(String name, String model) {
        return Target.builder().name(name).provider("fake").baseUrl(baseUrl()).model(model)
                .apiMode(ApiMode.CHAT_COMPLETIONS)
                .tiers(new ModelTiers(null, null, model + "-mini")).build();
    }

    public void answers(String text, int promptTokens, int completionTokens) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(stream(text, promptTokens, completionTokens))));
    }

    public void fails(int status, String message) {
        server.resetMappings();
        var error = Json.object();
        error.putObject("error").put("message", message).put("type", "invalid_request_error");
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(Json.write(error))));
    }

    public List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/v1/chat/completions")));
    }

    private static String stream(String text, int promptTokens, int completionTokens) {
        String id = "chatcmpl-1";
        return frame("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":"
                + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":" + Json.write(text) + "},"
                + "\"finish_reason\":null}]}")
                + frame("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":"
                + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}")
                + frame("{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}")
                + frame("[DONE]");
    }

    private static String frame(String data) {
        return "data: " + data + "\n\n";
    }

    @Override
    public void close() {
        server.stop();
    }
}
