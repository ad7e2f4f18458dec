package dev.ccbridge.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the log keeps of a request's body: the body itself, or the start of a large one. */
class RequestRecordBodyTest {
    @Test
    void aBodyUpToOneMebibyteIsKeptAsItIsWithoutACopy() {
        byte[] body = new byte[RequestRecord.MAX_WHOLE_BODY];
        assertThat(started(body).requestBody()).isSameAs(body);
    }

    @Test
    void aLargerBodyIsKeptAsItsStartCutBeforeACharacterNeverInsideOne() {
        // "é" is two bytes in UTF-8; one of them straddles the cut.
        String text = "x" + "é".repeat(RequestRecord.MAX_WHOLE_BODY);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);

        byte[] kept = started(body).requestBody();

        assertThat(kept.length).isBetween(RequestRecord.BODY_PREVIEW - 1, RequestRecord.BODY_PREVIEW);
        assertThat(kept).isEqualTo(Arrays.copyOf(body, kept.length));
        String decoded = new String(kept, StandardCharsets.UTF_8);
        assertThat(decoded).doesNotContain("\uFFFD").startsWith("xéé");
    }

    private static RequestRecord started(byte[] body) {
        return RequestRecord.started("r1", Instant.EPOCH, RequestRecord.Routing.unrouted(RequestRecord.Addressed.ACTIVE),
                true, body);
    }
}
