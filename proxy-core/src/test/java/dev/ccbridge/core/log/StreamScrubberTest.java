package dev.ccbridge.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.testing.Pieces;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Relayed bytes lose the key however the reads cut them, and nothing else changes or waits. */
class StreamScrubberTest {
    private static final String KEY = "ant-custom-7a7b7c7d7e7f70717273";

    @Property(tries = 500)
    void theKeyIsGoneHoweverTheStreamIsCut(@ForAll @StringLength(max = 40) String before,
                                           @ForAll @StringLength(max = 40) String after,
                                           @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 20) Integer> cuts) {
        String text = before + KEY + after + KEY.substring(0, 10);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StreamScrubber scrubber = new Redactor(List.of(KEY)).streaming();
        var out = new ByteArrayOutputStream();
        Pieces.feed(bytes, cuts, (piece, offset, length) -> out.writeBytes(scrubber.feed(piece, offset, length)));
        out.writeBytes(scrubber.finish());
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo((before + KEY + after).replace(KEY, Redactor.MASK) + KEY.substring(0, 10));
    }

    @Test
    void bytesThatCannotStartTheKeyGoOutAtOnce() {
        StreamScrubber scrubber = new Redactor(List.of(KEY)).streaming();
        byte[] event = "event: ping\ndata: {\"type\":\"ping\"}\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(scrubber.feed(event, 0, event.length)).isEqualTo(event);
        byte[] start = "text an".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(scrubber.feed(start, 0, start.length), StandardCharsets.UTF_8)).isEqualTo("text ");
    }
}
