package dev.ccbridge.core.upstream;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.upstream.anthropic.AnthropicPassthroughUpstream;
import dev.ccbridge.core.upstream.bedrock.BedrockClients;
import dev.ccbridge.core.upstream.bedrock.BedrockUpstream;
import dev.ccbridge.core.upstream.http.ChatCompletionsDialect;
import dev.ccbridge.core.upstream.http.HttpTransport;
import dev.ccbridge.core.upstream.http.ResponsesDialect;
import dev.ccbridge.core.upstream.http.TranslatedHttpUpstream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The upstream for each API mode this build implements, and the clients they share. */
public final class Upstreams implements AutoCloseable {
    private final Map<ApiMode, Upstream> byMode;
    private final HttpTransport transport;
    private final BedrockClients bedrock;

    private Upstreams(Map<ApiMode, Upstream> byMode, HttpTransport transport, BedrockClients bedrock) {
        this.byMode = new EnumMap<>(byMode);
        this.transport = transport;
        this.bedrock = bedrock;
    }

    /** Every mode this build implements, over one HTTP client and one set of AWS clients. */
    public static Upstreams standard() {
        var transport = new HttpTransport();
        var bedrock = new BedrockClients();
        return new Upstreams(Map.of(
                ApiMode.CHAT_COMPLETIONS, new TranslatedHttpUpstream(transport, new ChatCompletionsDialect()),
                ApiMode.CODEX_RESPONSES, new TranslatedHttpUpstream(transport, new ResponsesDialect()),
                ApiMode.ANTHROPIC_MESSAGES, new AnthropicPassthroughUpstream(transport),
                ApiMode.BEDROCK_CONVERSE, new BedrockUpstream(bedrock)), transport, bedrock);
    }

    /** Given upstreams only, sharing no clients (an upstream's own resources stay its own). */
    public static Upstreams of(Map<ApiMode, Upstream> byMode) {
        return new Upstreams(byMode, null, null);
    }

    public Optional<Upstream> forMode(ApiMode mode) {
        return Optional.ofNullable(byMode.get(mode));
    }

    /** The shared HTTP client (for its connection counts), if these upstreams have one. */
    public Optional<HttpTransport> transport() {
        return Optional.ofNullable(transport);
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
        if (bedrock != null) {
            bedrock.close();
        }
    }
}
