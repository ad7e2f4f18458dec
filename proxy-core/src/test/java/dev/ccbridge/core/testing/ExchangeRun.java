package dev.ccbridge.core.testing;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.exchange.Exchange;
import dev.ccbridge.core.exchange.Keepalive;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.TokenCounter;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.routing.ModelRouter;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.secrets.KeyResolver;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import dev.ccbridge.core.translate.StreamTranslator;
import dev.ccbridge.core.upstream.Cancellation;
import dev.ccbridge.core.upstream.ClientRequest;
import dev.ccbridge.core.upstream.Upstream;
import dev.ccbridge.core.upstream.Upstreams;
import dev.ccbridge.core.websearch.WebSearch;
import dev.ccbridge.core.upstream.http.HttpTransport;
import dev.ccbridge.core.upstream.http.TranslatedHttpUpstream;
import dev.ccbridge.core.upstream.http.UpstreamResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one request through the real {@link Exchange} (its attempts, pump and client sinks) with a
 * given upstream, into a {@link MemoryResponse}: what Claude Code would receive, without sockets.
 */
public final class ExchangeRun {
    public static final String MESSAGE_ID = "msg_golden";
    public static final String MODEL = "claude-sonnet-4-6";
    public static final String TARGET = "Upstream";
    public static final long ESTIMATE = 100;
    private static final String REQUEST = """
            {"model": "claude-sonnet-4-6", "max_tokens": 1024, "stream": %s,
             "messages": [{"role": "user", "content": "hi"}]}""";

    private ExchangeRun() {}

    /** One HTTP client for the searches of in-memory runs (their upstreams bring none), made when first needed. */
    private static final class SearchClient {
        private static final HttpTransport TRANSPORT = new HttpTransport();

        static HttpTransport transport() {
            return TRANSPORT;
        }
    }

    /** A recorded upstream answer read through the real HTTP answer reader, in the given reads. */
    public static MemoryResponse translated(List<byte[]> reads, String contentType,
                                            Function<EventSequencer, StreamTranslator> translator, boolean stream) {
        Upstream upstream = (call, out) -> new TranslatedHttpUpstream.TranslatedAnswer(
                new UpstreamResponse(200, Map.of("content-type", contentType), new Reads(reads), () -> { }),
                translator.apply(out), call.errors());
        return run(upstream, ApiMode.CHAT_COMPLETIONS, stream);
    }

    /** One request through the exchange with {@code upstream} answering for {@code mode}. */
    public static MemoryResponse run(Upstream upstream, ApiMode mode, boolean stream) {
        Target target = Target.builder().id("upstream").name(TARGET).provider("test").baseUrl("http://127.0.0.1:9")
                .model("upstream-model").apiMode(mode).build();
        return run(target, Upstreams.of(Map.of(mode, upstream)), REQUEST.formatted(stream));
    }

    /** A request body through the exchange, to {@code target} served by {@code upstreams}. */
    public static MemoryResponse run(Target target, Upstreams upstreams, String requestJson) {
        return run(target, upstreams, requestJson, Optional.empty(), new Cancellation(), Map.of());
    }

    /**
     * A request body through the exchange, to {@code target} (its key stored as given) served by
     * {@code upstreams}, with the client's {@code anthropic-*} headers and its going-away signal.
     */
    public static MemoryResponse run(Target target, Upstreams upstreams, String requestJson, Optional<String> key,
                                     Cancellation cancellation, Map<String, String> clientHeaders) {
        var registry = new TargetRegistry(new GatewayConfig(0, 0, null, null, List.of(), null), null);
        Target stored = registry.put(target);
        var secrets = new InMemorySecretStore();
        key.ifPresent(k -> secrets.put(stored.secretAccount(), k));
        var context = new GatewayContext(registry, new ModelRouter(ModelCatalog.builtIn()), upstreams,
                new KeyResolver(secrets, Map.of()), new RequestLog(), new TokenCounter(),
                new WebSearch(upstreams.transport().orElseGet(SearchClient::transport), secrets, Map.of()));
        byte[] body = requestJson.getBytes(StandardCharsets.UTF_8);
        MessagesRequest messages;
        try {
            messages = Json.WIRE.readValue(body, MessagesRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var request = new ClientRequest("req_test", messages, body, clientHeaders, ESTIMATE, MESSAGE_ID);
        var response = new MemoryResponse();
        try (var keepalive = new Keepalive(Duration.ofSeconds(30))) {
            new Exchange(context, request, response, cancellation, System.nanoTime())
                    .run(stored, RequestRecord.Addressed.ACTIVE, keepalive);
        }
        return response;
    }

    /** A body that hands out the given pieces, one per read, as a network connection would. */
    private static final class Reads extends InputStream {
        private final Iterator<byte[]> pieces;
        private ByteArrayInputStream current = new ByteArrayInputStream(new byte[0]);

        Reads(List<byte[]> reads) {
            this.pieces = reads.iterator();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (current.available() == 0) {
                if (!pieces.hasNext()) {
                    return -1;
                }
                current = new ByteArrayInputStream(pieces.next());
            }
            return current.read(buffer, offset, length);
        }
    }
}
