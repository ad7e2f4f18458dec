package dev.ccbridge.core.upstream.http;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.sse.SseEvent;
import dev.ccbridge.core.sse.SseParser;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.stream.StreamFailure;
import dev.ccbridge.core.translate.StreamTranslator;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.upstream.AnswerSource;
import dev.ccbridge.core.upstream.Call;
import dev.ccbridge.core.upstream.Upstream;
import dev.ccbridge.core.upstream.UpstreamErrors;
import dev.ccbridge.core.upstream.UpstreamFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upstream reached over HTTP whose answers are translated event by event (Chat Completions,
 * Responses). The dialect builds the call and the translator; this class does the rest once for
 * all: send, map HTTP errors, then hand the answer over as a source that reads SSE (or a JSON
 * body) as it arrives.
 */
public final class TranslatedHttpUpstream implements Upstream {
    private static final Logger LOG = LoggerFactory.getLogger(TranslatedHttpUpstream.class);

    /** What differs per protocol: the request, and how its answer is read. */
    public interface Dialect {
        Prepared prepare(Call call);
    }

    /**
     * A built call and the translator for its answer (they share per-request state such as tool
     * names), and what to send instead should the provider refuse something optional in it.
     */
    public record Prepared(HttpCall call, Function<EventSequencer, StreamTranslator> translator,
                           Optional<Fallback> fallback) {
        public Prepared(HttpCall call, Function<EventSequencer, StreamTranslator> translator) {
            this(call, translator, Optional.empty());
        }

        public Prepared withFallback(Fallback fallback) {
            return new Prepared(call, translator, Optional.of(fallback));
        }
    }

    /**
     * A second form of the call without a part the provider may not take (reasoning parameters
     * for a model ccbridge does not know), built and sent once if a 400 names that part.
     *
     * @param refusal whether an error body refuses that part
     */
    public record Fallback(Predicate<String> refusal, Supplier<Prepared> instead) {}

    private final HttpTransport transport;
    private final Dialect dialect;

    public TranslatedHttpUpstream(HttpTransport transport, Dialect dialect) {
        this.transport = transport;
        this.dialect = dialect;
    }

    @Override
    public AnswerSource open(Call call, EventSequencer out) throws UpstreamFailure {
        Prepared prepared;
        try {
            prepared = dialect.prepare(call);
        } catch (InvalidRequestException e) {
            throw new UpstreamFailure(ApiError.invalidRequest(e.getMessage()));
        }
        return send(call, prepared, out);
    }

    private AnswerSource send(Call call, Prepared prepared, EventSequencer out) throws UpstreamFailure {
        UpstreamErrors errors = call.errors();
        UpstreamResponse response = transport.send(prepared.call(), call.cancellation(), errors.target());
        if (!response.ok()) {
            String body = readQuietly(response);
            response.close();
            Optional<Fallback> fallback = prepared.fallback()
                    .filter(f -> response.status() == 400 && f.refusal().test(body));
            if (fallback.isPresent()) {
                LOG.info("{} refused an optional part of the request ({}); sending it without",
                        errors.target(), errors.redactor().redact(UpstreamErrors.messageOf(Json.parseOrNull(body), body)));
                return send(call, fallback.get().instead().get(), out);
            }
            throw new UpstreamFailure(errors.fromHttp(response.status(), response.headers(), body));
        }
        return new TranslatedAnswer(response, prepared.translator().apply(out), errors);
    }

    private static String readQuietly(UpstreamResponse response) {
        try {
            return response.readSmallBody();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A provider's answer read one network read at a time, each translated before the next: SSE
     * parsed as it arrives, or a whole JSON body (some servers ignore {@code stream}). Public for the
     * golden tests, which run recorded answers through exactly this reader.
     */
    public static final class TranslatedAnswer implements AnswerSource.Events {
        private static final int READ_BUFFER = 16 * 1024;
        /** A whole (non-streamed) answer larger than this is refused: no model writes one. */
        static final int MAX_JSON_ANSWER = 32 * 1024 * 1024;
        private static final int SNIPPET = 2048;

        private final UpstreamResponse response;
        private final StreamTranslator translator;
        private final UpstreamErrors errors;
        private final SseParser parser;
        private final byte[] buffer = new byte[READ_BUFFER];
        private byte[] head = new byte[0];
        private int events;
        private boolean ended;

        public TranslatedAnswer(UpstreamResponse response, StreamTranslator translator, UpstreamErrors errors) {
            this.response = response;
            this.translator = translator;
            this.errors = errors;
            this.parser = new SseParser(this::onEvent);
        }

        @Override
        public boolean read() throws UpstreamFailure {
            if (ended) {
                return false;
            }
            try {
                if (response.isJson() && !response.isEventStream()) {
                    translator.onBody(readWhole(response.body()));
                    ended = true;
                    return false;
                }
                int read = response.body().read(buffer);
                if (read >= 0) {
                    remember(read);
                    parser.feed(buffer, 0, read);
                    return true;
                }
                ended = true;
                parser.finish();
                if (events == 0 && !response.isEventStream()) {
                    // Not an event stream and nothing in it read as one: a web page, a proxy's notice, a wrong URL.
                    throw new UpstreamFailure(ApiError.api(502, errors.target() + " answered with "
                            + response.contentTypeOrNone() + " instead of an event stream (check the base URL): "
                            + errors.redactor().redact(snippet())));
                }
                translator.onEnd();
                return false;
            } catch (StreamFailure failure) {
                throw stop(errors.fromFailure(failure));
            } catch (SseParser.EventTooLargeException e) {
                throw stop(ApiError.api(502, errors.target() + " sent " + e.getMessage() + "; the answer was dropped"));
            } catch (IOException e) {
                throw stop(HttpTransport.readFailure(e, errors.target()));
            }
        }

        @Override
        public void close() {
            response.close();
        }

        private UpstreamFailure stop(ApiError error) {
            ended = true;
            response.abort();
            return new UpstreamFailure(error);
        }

        private void onEvent(SseEvent event) {
            events++;
            translator.onEvent(event);
        }

        /** Keeps the first bytes, to name what a body that was no event stream held. */
        private void remember(int read) {
            if (head.length < SNIPPET) {
                int length = Math.min(read, SNIPPET - head.length);
                head = Arrays.copyOf(head, head.length + length);
                System.arraycopy(buffer, 0, head, head.length - length, length);
            }
        }

        private String snippet() {
            return UpstreamErrors.messageOf(null, new String(head, StandardCharsets.UTF_8)).replaceAll("\\s+", " ");
        }

        /** Reads a whole answer, refusing one beyond {@link #MAX_JSON_ANSWER}. */
        private static byte[] readWhole(InputStream in) throws IOException {
            byte[] bytes = in.readNBytes(MAX_JSON_ANSWER + 1);
            if (bytes.length > MAX_JSON_ANSWER) {
                throw new SseParser.EventTooLargeException(MAX_JSON_ANSWER);
            }
            return bytes;
        }
    }
}
