package dev.ccbridge.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.sse.SseParser;
import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import dev.ccbridge.core.translate.common.StreamFailure;
import dev.ccbridge.core.translate.common.StreamTranslator;
import dev.ccbridge.core.upstream.UpstreamErrors;
import java.util.List;
import java.util.function.Function;

/**
 * Golden stream tests: upstream bytes from {@code golden/<mode>/<scenario>/upstream.sse} go
 * through a translator; the Anthropic events (checked for legal order on the way) must equal
 * {@code expected-anthropic.sse}, compared frame by frame as JSON. Each scenario is also fed one
 * byte at a time, which must change nothing.
 */
public final class Golden {
    public static final String MESSAGE_ID = "msg_golden";
    public static final String MODEL = "claude-sonnet-4-6";

    private Golden() {}

    public static final String TARGET = "Upstream";

    /** What a translator made of an upstream stream. */
    public record Outcome(CollectingSink sink, StreamFailure failure) {}

    public static Outcome run(byte[] upstream, Function<MessageStreamBuilder, StreamTranslator> factory,
                              boolean byteByByte) {
        var sink = new CollectingSink();
        var builder = new MessageStreamBuilder(MESSAGE_ID, MODEL, 100, sink);
        StreamTranslator translator = factory.apply(builder);
        var parser = new SseParser(translator::onEvent);
        try {
            if (byteByByte) {
                for (int i = 0; i < upstream.length; i++) {
                    parser.feed(upstream, i, 1);
                }
            } else {
                parser.feed(upstream);
            }
            parser.finish();
            translator.onEnd();
            return new Outcome(sink, null);
        } catch (StreamFailure failure) {
            // As TranslatingHttpUpstream does: map the failure and end the answer with it.
            builder.fail(UpstreamErrors.fromFailure(failure, TARGET, Redactor.patternsOnly(), 100, 128_000));
            return new Outcome(sink, failure);
        }
    }

    /** Runs the scenario whole and byte by byte and compares both with the expected SSE. */
    public static Outcome check(String scenarioDir, Function<MessageStreamBuilder, StreamTranslator> factory) {
        byte[] upstream = Fixtures.bytes(scenarioDir + "/upstream.sse");
        List<SseText.Frame> expected = SseText.parse(Fixtures.text(scenarioDir + "/expected-anthropic.sse"));
        Outcome whole = run(upstream, factory, false);
        Outcome split = run(upstream, factory, true);
        assertThat(SseText.parse(whole.sink().sse())).as(scenarioDir).containsExactlyElementsOf(expected);
        assertThat(SseText.parse(split.sink().sse())).as(scenarioDir + " fed byte by byte")
                .containsExactlyElementsOf(expected);
        return whole;
    }
}
