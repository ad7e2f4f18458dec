package dev.ccbridge.core.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseEvent> parse(String text) {
        List<SseEvent> events = new ArrayList<>();
        var parser = new SseParser(events::add);
        parser.feed(text.getBytes(StandardCharsets.UTF_8));
        parser.finish();
        return events;
    }

    private static List<SseEvent> parseByteByByte(String text) {
        List<SseEvent> events = new ArrayList<>();
        var parser = new SseParser(events::add);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1);
        }
        parser.finish();
        return events;
    }

    @Test
    void namedEventWithData() {
        assertThat(parse("event: ping\ndata: {}\n\n")).containsExactly(new SseEvent("ping", "{}", null));
    }

    @Test
    void crlfAndLoneCrEndLinesToo() {
        assertThat(parse("data: a\r\n\r\ndata: b\r\rdata: c\n\n")).extracting(SseEvent::data)
                .containsExactly("a", "b", "c");
    }

    @Test
    void crlfSplitAcrossReadsIsOneLineEnding() {
        List<SseEvent> events = new ArrayList<>();
        var parser = new SseParser(events::add);
        parser.feed("data: a\r".getBytes(StandardCharsets.UTF_8));
        parser.feed("\ndata: b\r\n\r".getBytes(StandardCharsets.UTF_8));
        parser.feed("\n".getBytes(StandardCharsets.UTF_8));
        parser.finish();
        assertThat(events).extracting(SseEvent::data).containsExactly("a\nb");
    }

    @Test
    void dataWithoutSpaceAfterColonKeepsItsValue() {
        assertThat(parse("data:{\"x\":1}\n\n")).extracting(SseEvent::data).containsExactly("{\"x\":1}");
    }

    @Test
    void onlyOneLeadingSpaceIsDropped() {
        assertThat(parse("data:  two\n\n")).extracting(SseEvent::data).containsExactly(" two");
    }

    @Test
    void commentsAreIgnored() {
        assertThat(parse(": keep-alive\n\ndata: x\n: inside\n\n")).extracting(SseEvent::data).containsExactly("x");
    }

    @Test
    void multipleDataLinesJoinWithNewline() {
        assertThat(parse("data: one\ndata: two\n\n")).extracting(SseEvent::data).containsExactly("one\ntwo");
    }

    @Test
    void blankLineWithoutDataDispatchesNothing() {
        assertThat(parse("event: x\n\n\n\ndata: y\n\n")).containsExactly(new SseEvent(null, "y", null));
    }

    @Test
    void eventNameDoesNotLeakIntoTheNextEvent() {
        assertThat(parse("event: a\ndata: 1\n\ndata: 2\n\n")).extracting(SseEvent::event).containsExactly("a", null);
    }

    @Test
    void idIsRememberedUnknownFieldsAndRetryIgnored() {
        assertThat(parse("id: 7\nretry: 100\nfoo: bar\ndata: x\n\n")).containsExactly(new SseEvent(null, "x", "7"));
    }

    @Test
    void fieldWithoutColonIsANameWithEmptyValue() {
        assertThat(parse("data\n\n")).extracting(SseEvent::data).containsExactly("");
    }

    @Test
    void unterminatedLastFrameStillReachesTheConsumer() {
        // A stream cut mid-frame: the consumer must see the partial data to know it is broken.
        assertThat(parse("data: {\"a\":")).extracting(SseEvent::data).containsExactly("{\"a\":");
    }

    @Test
    void multiByteCharactersSplitAcrossReadsArriveWhole() {
        String text = "data: héllo → 世界 🎉\n\n";
        assertThat(parseByteByByte(text)).extracting(SseEvent::data).containsExactly("héllo → 世界 🎉");
    }

    @Test
    void longLinesGrowTheBuffer() {
        String big = "x".repeat(100_000);
        assertThat(parse("data: " + big + "\n\n")).extracting(SseEvent::data).containsExactly(big);
    }

    @Property(tries = 200)
    void anySplitGivesTheSameEvents(@ForAll @IntRange(min = 1, max = 40) int chunk) {
        String text = "event: a\r\ndata: 1\r\n\r\n: c\ndata: é\ndata: 2\r\rdata:3\n\n";
        List<SseEvent> events = new ArrayList<>();
        var parser = new SseParser(events::add);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            parser.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        parser.finish();
        assertThat(events).isEqualTo(parse(text));
        assertThat(events).extracting(SseEvent::data).containsExactly("1", "é\n2", "3");
    }
}
