package dev.ccbridge.core.upstream;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.sse.SseParser;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import dev.ccbridge.core.translate.common.StreamFailure;
import dev.ccbridge.core.translate.common.StreamTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * An upstream reached over HTTP whose answers are translated event by event (Chat Completions,
 * Responses). The dialect builds the call and the translator; this class does the rest once for
 * all: send, map HTTP errors, read SSE or a JSON body as it arrives (bounded in size), map stream
 * failures and time limits, stop when the client goes away.
 */
public final class TranslatingHttpUpstream implements Upstream {

    /** What differs per protocol: the request, and how its answer is read. */
    public interface Dialect {
        Prepared prepare(UpstreamExchange exchange);
    }

    /** A built call and the translator for its answer (they share per-request state such as tool names). */
    public record Prepared(HttpCall call, Function<MessageStreamBuilder, StreamTranslator> translator) {}

    private static final int READ_BUFFER = 16 * 1024;
    /** A whole (non-streamed) answer larger than this is refused: no model writes one. */
    static final int MAX_JSON_ANSWER = 32 * 1024 * 1024;
    private static final int SNIPPET = 2048;

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
                if (response.isJson() && !response.isEventStream()) {
                    byte[] answer = readAnswer(response.body(), target);
                    out.burst(() -> translator.onBody(answer));
                } else {
                    pump(response, translator, x);
                }
            } catch (StreamFailure failure) {
                response.abort();
                out.fail(map(failure, x));
            } catch (SseParser.EventTooLargeException e) {
                response.abort();
                out.fail(ApiError.api(502, target + " sent " + e.getMessage() + "; the answer was dropped"));
            } catch (IOException e) {
                response.abort();
                if (!x.cancellation().isCancelled()) {
                    out.fail(HttpTransport.readFailure(e, target));
                }
            }
        } catch (UpstreamUnavailableException e) {
            out.fail(e.error());
        }
    }

    private static void pump(UpstreamResponse response, StreamTranslator translator, UpstreamExchange x)
            throws IOException {
        var seen = new SeenEvents(translator);
        var parser = new SseParser(seen::onEvent);
        InputStream in = response.body();
        byte[] buffer = new byte[READ_BUFFER];
        byte[] head = new byte[0];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (x.cancellation().isCancelled()) {
                response.abort();
                return;
            }
            if (head.length < SNIPPET) {
                head = append(head, buffer, Math.min(read, SNIPPET - head.length));
            }
            int length = read;
            x.out().burst(() -> parser.feed(buffer, 0, length));
            if (x.out().isDone()) {
                return;
            }
        }
        byte[] start = head;
        x.out().burst(() -> {
            parser.finish();
            if (seen.count == 0 && !response.isEventStream()) {
                // Not an event stream and nothing in it read as one: a web page, a proxy's notice, a wrong URL.
                x.out().fail(ApiError.api(502, x.target().displayName() + " answered with "
                        + response.contentTypeOrNone() + " instead of an event stream (check the base URL): "
                        + x.redactor().redact(snippet(start))));
                return;
            }
            translator.onEnd();
        });
    }

    /** Reads a whole answer, refusing one beyond {@link #MAX_JSON_ANSWER}. */
    private static byte[] readAnswer(InputStream in, String target) throws IOException {
        byte[] bytes = in.readNBytes(MAX_JSON_ANSWER + 1);
        if (bytes.length > MAX_JSON_ANSWER) {
            throw new SseParser.EventTooLargeException(MAX_JSON_ANSWER);
        }
        return bytes;
    }

    private static byte[] append(byte[] head, byte[] more, int length) {
        byte[] grown = java.util.Arrays.copyOf(head, head.length + length);
        System.arraycopy(more, 0, grown, head.length, length);
        return grown;
    }

    private static String snippet(byte[] head) {
        String text = UpstreamErrors.messageOf(null, new String(head, StandardCharsets.UTF_8));
        return text.replaceAll("\\s+", " ");
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

    /** Counts the events the parser found, so a body that held none can be named for what it was. */
    private static final class SeenEvents {
        private final StreamTranslator translator;
        int count;

        SeenEvents(StreamTranslator translator) {
            this.translator = translator;
        }

        void onEvent(dev.ccbridge.core.sse.SseEvent event) {
            count++;
            translator.onEvent(event);
        }
    }
}
