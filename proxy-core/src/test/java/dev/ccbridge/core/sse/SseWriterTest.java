package dev.ccbridge.core.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.Delta;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The delta frames Claude Code gets hundreds of times per answer: exactly the bytes Jackson would write. */
class SseWriterTest {

    /** The frame as the general (Jackson) path writes it. */
    private static String viaJackson(StreamEvent event) throws Exception {
        return "event: " + event.type() + "\ndata: "
                + new String(Json.WIRE.writeValueAsBytes(event), StandardCharsets.UTF_8) + "\n\n";
    }

    private static String frame(StreamEvent event) {
        return new String(SseWriter.frame(event), StandardCharsets.UTF_8);
    }

    @Property(tries = 500)
    void everyDeltaKindIsWrittenExactlyAsJacksonWouldWriteIt(@ForAll String text, @ForAll @IntRange(max = 300) int index)
            throws Exception {
        for (Delta delta : new Delta[] {new Delta.Text(text), new Delta.Thinking(text), new Delta.InputJson(text),
            new Delta.Signature(text)}) {
            var event = new StreamEvent.ContentBlockDelta(index, delta);
            assertThat(frame(event)).isEqualTo(viaJackson(event));
        }
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersAndKeepsUnicodeReadable() throws Exception {
        String text = "say \"hi\" \\ path\n\ttab\r\u0001\u001f é → 日本 😀 </script>";
        var event = new StreamEvent.ContentBlockDelta(3, new Delta.Text(text));
        assertThat(frame(event)).isEqualTo(viaJackson(event))
                .contains("\\\"hi\\\"", "\\\\", "\\n\\ttab\\r\\u0001\\u001F", "é → 日本");
        var parsed = Json.WIRE.readTree(frame(event).split("data: ")[1]);
        assertThat(parsed.path("delta").path("text").asText()).isEqualTo(text);
    }

    @Test
    void aLoneSurrogateStillGivesAFrameJacksonAccepts() throws Exception {
        var event = new StreamEvent.ContentBlockDelta(0, new Delta.Text("broken \uD83D end"));
        assertThat(frame(event)).isEqualTo(viaJackson(event));
    }

    @Test
    void otherEventsKeepTheirShape() throws Exception {
        var stop = new StreamEvent.ContentBlockStop(2);
        assertThat(frame(stop)).isEqualTo("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":2}\n\n");
    }
}
