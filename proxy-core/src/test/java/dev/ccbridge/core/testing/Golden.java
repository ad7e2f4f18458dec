package dev.ccbridge.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.translate.StreamTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Golden stream tests: upstream bytes from {@code golden/<mode>/<scenario>/upstream.sse} go
 * through the real answer reader, translator and exchange (the same pump Claude Code's requests
 * take); what Claude Code receives (checked for legal order on the way) must equal
 * {@code expected-anthropic.sse}, compared frame by frame as JSON. Each scenario is also fed one
 * byte per read, which must change nothing.
 */
public final class Golden {
    public static final String MESSAGE_ID = ExchangeRun.MESSAGE_ID;
    public static final String MODEL = ExchangeRun.MODEL;
    public static final String TARGET = ExchangeRun.TARGET;

    private Golden() {}

    /** Runs SSE bytes through a streaming request, whole or one byte per read. */
    public static MemoryResponse run(byte[] upstream, Function<EventSequencer, StreamTranslator> factory,
                                     boolean byteByByte) {
        return ExchangeRun.translated(byteByByte ? bytes(upstream) : List.of(upstream), "text/event-stream", factory,
                true);
    }

    /** Runs the scenario whole and byte by byte and compares both with the expected SSE. */
    public static MemoryResponse check(String scenarioDir, Function<EventSequencer, StreamTranslator> factory) {
        byte[] upstream = Fixtures.bytes(scenarioDir + "/upstream.sse");
        List<SseText.Frame> expected = SseText.parse(Fixtures.text(scenarioDir + "/expected-anthropic.sse"));
        MemoryResponse whole = run(upstream, factory, false);
        MemoryResponse split = run(upstream, factory, true);
        whole.events();
        assertThat(whole.frames()).as(scenarioDir).containsExactlyElementsOf(expected);
        assertThat(split.frames()).as(scenarioDir + " fed byte by byte").containsExactlyElementsOf(expected);
        return whole;
    }

    private static List<byte[]> bytes(byte[] all) {
        List<byte[]> pieces = new ArrayList<>(all.length);
        for (byte b : all) {
            pieces.add(new byte[] {b});
        }
        return pieces;
    }
}
