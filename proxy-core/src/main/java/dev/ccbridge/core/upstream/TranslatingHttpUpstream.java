package dev.ccbridge.core.upstream;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.sse.SseParser;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import dev.ccbridge.core.translate.common.StreamFailure;
import dev.ccbridge.core.translate.common.StreamTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * An upstream reached over HTTP whose answers are translated event by event (Chat Completions,
 * Responses). The dialect builds the call and the translator; this class does the rest once for
 * all: send, map HTTP errors, read SSE or a JSON body as it arrives, map stream failures, stop
 * when the client goes away.
 */
public final class TranslatingHttpUpstream implements Upstream {

    /** What differs per protocol: the request, and how its answer is read. */
    public interface Dialect {
        Prepared prepare(UpstreamExchange exchange);
    }

    /** A built call and the translator for its answer (they share per-request state such as tool names). */
    public record Prepared(HttpCall call, Function<MessageStreamBuilder, StreamTranslator> translator) {}

    private static final int READ_BUFFER = 16 * 1024;

    private final HttpTransport transport;
    private final Dialect dialect;

    public TranslatingHttpUpstream(HttpTransport transport, Dialect dialect) {
        this.transport = transport;
        this.dialect = dialect;
    }

    @Override
    public void exchange(UpstreamExchange x) {
        MessageStreamBuilder out = x.out();
        Prepared prepared;
        try {
            prepared = dialect.prepare(x);
        } catch (InvalidRequestException e) {
            out.fail(ApiError.invalidRequest(e.getMessage()));
            return;
        }
        String target = x.target().displayName();
        try (UpstreamResponse response = transport.send(prepared.call(), x.cancellation(), target)) {
            if (!response.ok()) {
                out.fail(UpstreamErrors.fromHttp(response.status(), response.headers(), readQuietly(response), target,
                        x.redactor(), x.estimatedInputTokens(), x.model().capabilities().contextWindow()));
                return;
            }
            StreamTranslator translator = prepared.translator().apply(out);
            try {
                if (response.isEventStream() || !response.isJson()) {
                    pump(response, translator, x);
                } else {
                    byte[] body = response.body().readAllBytes();
                    out.burst(() -> translator.onBody(body));
                }
            } catch (StreamFailure failure) {
                response.abort();
                out.fail(map(failure, x));
            } catch (IOException e) {
                response.abort();
                if (!x.cancellation().isCancelled()) {
                    out.fail(HttpTransport.isTimeout(e)
                            ? ApiError.api(504, target + " stopped sending data for "
                                    + x.timeouts().idle().toSeconds() + " s")
                            : ApiError.api(502, "the connection to " + target + " broke: " + e.getMessage()));
                }
            }
        } catch (UpstreamUnavailableException e) {
            out.fail(e.error());
        }
    }

    private static void pump(UpstreamResponse response, StreamTranslator translator, UpstreamExchange x)
            throws IOException {
        var parser = new SseParser(translator::onEvent);
        InputStream in = response.body();
        byte[] buffer = new byte[READ_BUFFER];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (x.cancellation().isCancelled()) {
                response.abort();
                return;
            }
            int length = read;
            x.out().burst(() -> parser.feed(buffer, 0, length));
            if (x.out().isDone()) {
                return;
            }
        }
        x.out().burst(() -> {
            parser.finish();
            translator.onEnd();
        });
    }

    private static ApiError map(StreamFailure failure, UpstreamExchange x) {
        return UpstreamErrors.fromFailure(failure, x.target().displayName(), x.redactor(), x.estimatedInputTokens(),
                x.model().capabilities().contextWindow());
    }

    private static String readQuietly(UpstreamResponse response) {
        try {
            return response.readSmallBody();
        } catch (IOException e) {
            return "";
        }
    }
}
