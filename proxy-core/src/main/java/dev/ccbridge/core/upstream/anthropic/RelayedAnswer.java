package dev.ccbridge.core.upstream.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.StreamScrubber;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.sse.SseParser;
import dev.ccbridge.core.upstream.AnswerSource;
import dev.ccbridge.core.upstream.UpstreamErrors;
import dev.ccbridge.core.upstream.UpstreamFailure;
import dev.ccbridge.core.upstream.http.HttpTransport;
import dev.ccbridge.core.upstream.http.UpstreamResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * A passthrough answer read as it arrives. Should the provider echo the key (in an error event,
 * say), it is scrubbed before it can reach Claude Code or the log. An event stream is watched as
 * it passes: an event whose data is not JSON (content may be lost), or an end without
 * {@code message_stop} or {@code error}, fails the answer, because Claude Code must never act on a
 * cut answer as if it were whole. Thinking signatures are tagged with the target on the way
 * ({@link SignatureTagger}), so that they go back to this target only; a JSON answer is held
 * whole for that.
 */
final class RelayedAnswer implements AnswerSource.Bytes {
    private static final int READ_BUFFER = 16 * 1024;
    /** A whole (non-streamed) answer larger than this is refused: no model writes one. */
    private static final int MAX_JSON_ANSWER = 32 * 1024 * 1024;

    private final UpstreamResponse response;
    private final Map<String, String> headers;
    private final UpstreamErrors errors;
    private final StreamScrubber scrubber;
    private final StreamEndWatch watch;
    private final SignatureTagger tagger;
    /** A JSON answer, held until its end. */
    private final ByteArrayOutputStream whole = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[READ_BUFFER];
    private boolean relayedAny;
    private boolean eof;

    RelayedAnswer(UpstreamResponse response, Map<String, String> headers, UpstreamErrors errors,
                  SignatureTagger tagger) {
        this.response = response;
        this.headers = headers;
        this.errors = errors;
        this.scrubber = errors.redactor().streaming();
        this.watch = response.isEventStream() ? new StreamEndWatch() : null;
        this.tagger = tagger;
    }

    @Override
    public int status() {
        return response.status();
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public boolean eventStream() {
        return watch != null;
    }

    @Override
    public byte[] read() throws UpstreamFailure {
        if (eof) {
            if (!relayedAny) {
                throw new UpstreamFailure(ApiError.api(502, errors.target() + " answered " + response.status()
                        + " with an empty body"));
            }
            if (watch != null && !watch.ended) {
                throw new UpstreamFailure(ApiError.api(502, errors.target() + ": upstream stream ended unexpectedly"));
            }
            return null;
        }
        int read;
        try {
            read = response.body().read(buffer);
        } catch (IOException e) {
            throw stop(HttpTransport.readFailure(e, errors.target()));
        }
        if (read < 0) {
            eof = true;
            return last(scrubber.finish());
        }
        if (watch != null) {
            try {
                watch.parser.feed(buffer, 0, read);
            } catch (SseParser.EventTooLargeException e) {
                throw stop(ApiError.api(502, errors.target() + " sent " + e.getMessage() + "; the answer was cut"));
            }
            if (watch.malformed) {
                throw stop(ApiError.api(502, errors.target() + " sent malformed data (an event that is not JSON); "
                        + "the answer may be incomplete, so it was cut"));
            }
        }
        relayedAny |= read > 0;
        return next(scrubber.feed(buffer, 0, read));
    }

    /** Scrubbed bytes on their way: complete events now, a JSON answer at its end. */
    private byte[] next(byte[] scrubbed) throws UpstreamFailure {
        if (watch != null) {
            return tagger.feed(scrubbed);
        }
        whole.writeBytes(scrubbed);
        if (whole.size() > MAX_JSON_ANSWER) {
            throw stop(ApiError.api(502, errors.target() + " sent a JSON answer larger than "
                    + (MAX_JSON_ANSWER >> 20) + " MiB; it was dropped"));
        }
        return new byte[0];
    }

    private byte[] last(byte[] scrubbed) {
        if (watch != null) {
            byte[] events = tagger.feed(scrubbed);
            byte[] rest = tagger.finish();
            byte[] out = Arrays.copyOf(events, events.length + rest.length);
            System.arraycopy(rest, 0, out, events.length, rest.length);
            return out;
        }
        whole.writeBytes(scrubbed);
        return whole.size() == 0 ? scrubbed : tagger.message(whole.toByteArray());
    }

    @Override
    public void close() {
        response.close();
    }

    private UpstreamFailure stop(ApiError error) {
        eof = true;
        response.abort();
        return new UpstreamFailure(error);
    }

    /**
     * Notices whether a relayed stream reached its end ({@code message_stop} or an {@code error}
     * event), and whether an event's data is not JSON (every Anthropic event's is).
     */
    private static final class StreamEndWatch {
        boolean ended;
        boolean malformed;
        final SseParser parser = new SseParser(event -> {
            String text = event.data().strip();
            if (text.isEmpty() || text.equals("[DONE]")) {
                return; // keep-alives and a Chat-style end marker some gateways add: nothing lost
            }
            JsonNode data = Json.parseOrNull(text);
            if (data == null || !data.isObject()) {
                malformed = true;
                return;
            }
            String name = event.event();
            if (name == null || name.isBlank()) {
                // Some gateways leave out "event:"; the type is also in the data.
                name = data.path("type").asText(null);
            }
            if ("message_stop".equals(name) || "error".equals(name)) {
                ended = true;
            }
        });
    }
}
