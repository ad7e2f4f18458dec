package dev.ccbridge.core.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.CollectingSink;
import dev.ccbridge.core.testing.Golden;
import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one exchange through a {@link BedrockUpstream} as the gateway would, collecting what Claude Code gets. */
final class BedrockRun {
    static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String API_KEY = "ABSKQmVkcm9ja0FQSUtleS10ZXN0LWtleQ==";

    /** A request of the shape Claude Code sends, offering the tools the fixtures call. */
    static final String REQUEST = """
            {"model":"claude-sonnet-4-6","max_tokens":32000,"stream":true,
             "system":[{"type":"text","text":"You are Claude Code."}],
             "messages":[{"role":"user","content":"list the files"}],
             "tools":[{"name":"Read","description":"Read a file","input_schema":{"type":"object"}},
                      {"name":"Glob","description":"Find files","input_schema":{"type":"object"}}]}
            """;

    private BedrockRun() {}

    static Target target(String endpoint, Map<String, String> options) {
        Map<String, String> all = new HashMap<>();
        all.put("region", "us-east-1");
        all.put("endpoint", endpoint);
        all.putAll(options);
        return Target.builder().id("bedrock").name("Bedrock").provider("aws").model(MODEL)
                .apiMode(ApiMode.BEDROCK_CONVERSE).options(all).build();
    }

    static MessagesRequest request(String json) {
        try {
            return Json.WIRE.readValue(json, MessagesRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static CollectingSink run(BedrockUpstream upstream, Target target, String requestJson, Optional<String> key) {
        return run(upstream, target, requestJson, key, new Cancellation(), Map.of());
    }

    static CollectingSink run(BedrockUpstream upstream, Target target, String requestJson, Optional<String> key,
                              Cancellation cancellation, Map<String, String> clientHeaders) {
        var sink = new CollectingSink();
        MessagesRequest request = request(requestJson);
        var model = new ModelRouter(ModelCatalog.builtIn()).resolve(target, request.model());
        var out = new MessageStreamBuilder(Golden.MESSAGE_ID, Golden.MODEL, 100, sink);
        var exchange = new UpstreamExchange("req-test", request, requestJson.getBytes(StandardCharsets.UTF_8),
                clientHeaders, target, model, key, 100, out, NO_RELAY, cancellation,
                new Redactor(key.map(List::of).orElse(List.of())));
        upstream.exchange(exchange);
        return sink;
    }

    private static final RawRelay NO_RELAY = new RawRelay() {
        @Override
        public void start(int status, Map<String, String> headers) {
            throw new AssertionError("Bedrock answers are translated, never relayed");
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            throw new AssertionError("Bedrock answers are translated, never relayed");
        }

        @Override
        public boolean started() {
            return false;
        }
    };
}
