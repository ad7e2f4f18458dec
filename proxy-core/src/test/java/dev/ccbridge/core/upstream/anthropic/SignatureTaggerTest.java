package dev.ccbridge.core.upstream.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.translate.common.CarriedSignature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The relay's signature tagging, byte for byte, however the stream is cut into reads. */
class SignatureTaggerTest {
    private static final CarriedSignature.Origin ORIGIN =
            new CarriedSignature.Origin("anthropic_messages", "glm", "glm-5.1");
    private static final String TEXT_EVENT = "event: content_block_delta\r\n"
            + "data: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"a signature\"}}\r\n\r\n";
    private static final String SIGNATURE_EVENT = "event: content_block_delta\r\n"
            + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"GlmSig==\"}}\r\n\r\n";
    private static final String STREAM = ": keep-alive comment\n\n" + TEXT_EVENT + SIGNATURE_EVENT + TEXT_EVENT;

    private static String run(byte[] stream, List<Integer> cuts) {
        var tagger = new SignatureTagger(ORIGIN);
        var out = new ByteArrayOutputStream();
        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(stream.length, at + cut);
            byte[] piece = Arrays.copyOfRange(stream, at, end);
            out.writeBytes(tagger.feed(piece));
            at = end;
        }
        out.writeBytes(tagger.feed(Arrays.copyOfRange(stream, at, stream.length)));
        out.writeBytes(tagger.finish());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String expected() {
        String tagged = CarriedSignature.encode(ORIGIN,
                Json.object().put("signature", "GlmSig=="));
        return ": keep-alive comment\n\n" + TEXT_EVENT + "event: content_block_delta\n"
                + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\""
                + tagged + "\"}}\n\n" + TEXT_EVENT;
    }

    @Test
    void onlyTheEventWithASignatureIsWrittenAnew() {
        assertThat(run(STREAM.getBytes(StandardCharsets.UTF_8), List.of())).isEqualTo(expected());
    }

    @Property(tries = 200)
    void howeverTheStreamIsCutTheOutputIsTheSame(@ForAll @Size(max = 12) List<@IntRange(min = 1, max = 40) Integer> cuts) {
        assertThat(run(STREAM.getBytes(StandardCharsets.UTF_8), cuts)).isEqualTo(expected());
    }

    @Test
    void anUnfinishedLastEventComesOutAsItCameAtTheEnd() {
        String cut = TEXT_EVENT + "event: content_block_delta\ndata: {\"type\":\"content_blo";
        var tagger = new SignatureTagger(ORIGIN);

        String now = new String(tagger.feed(cut.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(now).isEqualTo(TEXT_EVENT);
        assertThat(new String(tagger.finish(), StandardCharsets.UTF_8))
                .isEqualTo("event: content_block_delta\ndata: {\"type\":\"content_blo");
    }
}
