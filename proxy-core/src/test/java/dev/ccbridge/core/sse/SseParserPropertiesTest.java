package dev.ccbridge.core.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ccbridge.core.testing.Pieces;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The SSE parser against a model of the format: any events (names, multi-line data in any
 * script, comments, ids, unknown fields), any line endings, cut into any pieces — even inside a
 * UTF-8 character or between CR and LF — give exactly the events written. Any bytes at all never
 * make it throw, except an event beyond its size limit, which it refuses.
 */
class SseParserPropertiesTest {
    /** One event as written: optional name, data lines, and noise lines that must not matter. */
    record Written(String name, List<String> dataLines, boolean comment, boolean id) {
        String data() {
            return String.join("\n", dataLines);
        }
    }

    @Provide
    Arbitrary<List<Written>> events() {
        // Printable ASCII plus two- and three-byte characters; '#' becomes a four-byte emoji.
        Arbitrary<String> value = Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ß', '中')
                .ofMaxLength(12).map(s -> s.replace("#", "\uD83D\uDE00"));
        Arbitrary<String> name = Arbitraries.of("", "message", "content_block_delta", "ping", "é");
        return Combinators.combine(name, value.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Written::new).list().ofMaxSize(6);
    }

    private static byte[] render(List<Written> events, String style) {
        var text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (Written event : events) {
            if (event.comment()) {
                lines.add(": keep-alive");
            }
            if (!event.name().isEmpty()) {
                lines.add("event: " + event.name());
            }
            if (event.id()) {
                lines.add("id: 7");
            }
            lines.add("x-unknown: ignored");
            for (String data : event.dataLines()) {
                // One space after the colon is dropped by the reader, so a value's own leading space survives.
                lines.add("data: " + data);
            }
            lines.add("");
        }
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String ending = switch (style) {
                case "lf" -> "\n";
                case "crlf" -> "\r\n";
                case "cr" -> "\r";
                default -> new String[] {"\n", "\r\n", "\r"}[(i * 7 + lines.get(i).length()) % 3];
            };
            // A CR then an empty line ended by LF reads as one CRLF: SSE itself cannot tell them apart.
            if (previous.equals("\r") && lines.get(i).isEmpty() && ending.equals("\n")) {
                ending = "\r";
            }
            text.append(lines.get(i)).append(ending);
            previous = ending;
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<SseEvent> parse(byte[] bytes, List<Integer> cuts) {
        List<SseEvent> out = new ArrayList<>();
        var parser = new SseParser(out::add);
        Pieces.feed(bytes, cuts, parser::feed);
        parser.finish();
        return out;
    }

    @Property(tries = 1000)
    void anyEventsInAnyPiecesComeOutAsWritten(@ForAll("events") List<Written> events,
                                              @ForAll("styles") String style,
                                              @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 9) Integer> cuts) {
        List<SseEvent> parsed = parse(render(events, style), cuts);
        assertThat(parsed).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            Written written = events.get(i);
            assertThat(parsed.get(i).data()).isEqualTo(written.data());
            assertThat(parsed.get(i).event()).isEqualTo(written.name().isEmpty() ? null : written.name());
        }
    }

    @Provide
    Arbitrary<String> styles() {
        return Arbitraries.of("lf", "crlf", "cr", "mixed");
    }

    @Property(tries = 500)
    void anyBytesParseTheSameWholeOrInPiecesAndNeverThrow(@ForAll @Size(max = 400) byte[] bytes,
                                                        @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 40) Integer> cuts) {
        var noise = new ByteArrayOutputStream();
        noise.writeBytes("data: ".getBytes(StandardCharsets.UTF_8));
        noise.writeBytes(bytes);
        byte[] input = noise.toByteArray();
        assertThat(parse(input, cuts)).isEqualTo(parse(input, List.of()));
    }

    @Property(tries = 200)
    void anEventBeyondTheLimitIsRefusedHoweverItArrives(@ForAll @IntRange(min = 1, max = 3) int lines,
                                                        @ForAll @IntRange(min = 1, max = 50) int piece) {
        byte[] big = ("data: " + "a".repeat(400) + "\n").repeat(lines).getBytes(StandardCharsets.UTF_8);
        var parser = new SseParser(event -> { }, 300);
        assertThatThrownBy(() -> {
            for (int at = 0; at < big.length; at += piece) {
                parser.feed(big, at, Math.min(piece, big.length - at));
            }
        }).isInstanceOf(SseParser.EventTooLargeException.class);
    }
}
