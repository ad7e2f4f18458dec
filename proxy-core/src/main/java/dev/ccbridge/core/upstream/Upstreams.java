package dev.ccbridge.core.upstream;

import dev.ccbridge.core.target.ApiMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The upstream for each API mode this build implements. */
public final class Upstreams implements AutoCloseable {
    private final HttpTransport transport;
    private final BedrockClients bedrock = new BedrockClients();
    private final Map<ApiMode, Upstream> byMode = new EnumMap<>(ApiMode.class);

    public Upstreams(HttpTransport transport) {
        this.transport = transport;
        byMode.put(ApiMode.CHAT_COMPLETIONS, new TranslatingHttpUpstream(transport, new ChatCompletionsDialect()));
        byMode.put(ApiMode.CODEX_RESPONSES, new TranslatingHttpUpstream(transport, new ResponsesDialect()));
        byMode.put(ApiMode.ANTHROPIC_MESSAGES, new AnthropicPassthroughUpstream(transport));
        byMode.put(ApiMode.BEDROCK_CONVERSE, new BedrockUpstream(bedrock));
    }

    public static Upstreams standard() {
        return new Upstreams(new HttpTransport());
    }

    /** Adds or replaces the upstream for a mode. */
    public Upstreams with(ApiMode mode, Upstream upstream) {
        byMode.put(mode, upstream);
        return this;
    }

    public Optional<Upstream> forMode(ApiMode mode) {
        return Optional.ofNullable(byMode.get(mode));
    }

    public HttpTransport transport() {
        return transport;
    }

    @Override
    public void close() {
        transport.close();
        bedrock.close();
    }
}
