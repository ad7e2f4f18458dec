package dev.ccbridge.core.upstream.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.testing.ExchangeRun;
import dev.ccbridge.core.testing.MemoryResponse;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.Upstreams;
import java.util.HashMap;
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

    static MemoryResponse run(BedrockUpstream upstream, Target target, String requestJson, Optional<String> key) {
        return run(upstream, target, requestJson, key, new Cancellation(), Map.of());
    }

    static MemoryResponse run(BedrockUpstream upstream, Target target, String requestJson, Optional<String> key,
                              Cancellation cancellation, Map<String, String> clientHeaders) {
        return ExchangeRun.run(target, Upstreams.of(Map.of(ApiMode.BEDROCK_CONVERSE, upstream)), requestJson, key,
                cancellation, clientHeaders);
    }
}
