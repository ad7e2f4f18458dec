package dev.ccbridge.bench.jmh;

import dev.ccbridge.bench.BenchTargets;
import dev.ccbridge.bench.RecordedBodies;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.translate.anthropic.PassthroughBody;
import dev.ccbridge.core.translate.bedrock.AnthropicToConverse;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.http.ChatCompletionsDialect;
import dev.ccbridge.core.upstream.http.ResponsesDialect;
import dev.ccbridge.core.upstream.http.TranslatedHttpUpstream;
import dev.ccbridge.core.upstream.Call;
import dev.ccbridge.core.upstream.ClientRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request side of one exchange, from the bytes Claude Code sent to the bytes (or SDK request)
 * the upstream gets: what the gateway does before the first upstream byte leaves. Each mode runs
 * the production code: the body parse the endpoint does, then the mode's own step (the dialect's
 * {@code prepare} for Chat and Responses, the passthrough body edit, the Converse translation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RequestTranslationBench {
    @Param({"chat_completions", "codex_responses", "anthropic_messages", "bedrock_converse"})
    public String mode;

    /** A {@link RecordedBodies} id: small, medium, large, images. */
    @Param({"small", "medium", "large", "images"})
    public String body;

    private byte[] bytes;
    private ApiMode apiMode;
    private Target target;
    private ResolvedModel model;
    private TranslatedHttpUpstream.Dialect dialect;

    @Setup
    public void setUp() {
        bytes = RecordedBodies.valueOf(body.toUpperCase(java.util.Locale.ROOT)).bytes();
        apiMode = ApiMode.fromWire(mode);
        target = BenchTargets.target(apiMode, "http://127.0.0.1:9/v1");
        model = BenchTargets.model(target);
        dialect = switch (apiMode) {
            case CHAT_COMPLETIONS -> new ChatCompletionsDialect();
            case CODEX_RESPONSES -> new ResponsesDialect();
            default -> null;
        };
    }

    @Benchmark
    public Object translate() throws IOException {
        MessagesRequest request = Json.WIRE.readValue(bytes, MessagesRequest.class);
        return switch (apiMode) {
            case CHAT_COMPLETIONS, CODEX_RESPONSES -> dialect.prepare(call(request)).call().body();
            case ANTHROPIC_MESSAGES -> PassthroughBody.rewrite(bytes, model);
            case BEDROCK_CONVERSE -> AnthropicToConverse.translate(request, model,
                    ToolNames.of(request.toolsOrEmpty()), Set.of()).streamRequest();
            case CODEX_APP_SERVER -> throw new IllegalStateException();
        };
    }

    private Call call(MessagesRequest request) {
        return new Call(new ClientRequest("req_bench", request, bytes, Map.of(), bytes.length / 4, "msg_bench"), target,
                model, Optional.of("sk-bench"), new Cancellation());
    }
}
