package dev.ccbridge.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A body written in pieces is, joined, exactly the JSON {@link Json#bytes} writes. */
class JsonPiecesTest {
    @Test
    void piecesJoinedAreTheSameJsonForSmallAndLargeValues() {
        for (int size : new int[] {0, 10, 8 * 1024, 3 * 1024 * 1024 + 17}) {
            Map<String, Object> value = Map.of("model", "m", "data", "é/".repeat(size / 2), "n", size);

            List<ByteBuffer> pieces = JsonPieces.of(value);

            assertThat(join(pieces)).as("%d bytes", size).isEqualTo(Json.bytes(value));
            assertThat(pieces).allSatisfy(piece -> assertThat(piece.remaining()).isLessThanOrEqualTo(1024 * 1024));
        }
    }

    private static byte[] join(List<ByteBuffer> pieces) {
        var out = new ByteArrayOutputStream();
        for (ByteBuffer piece : pieces) {
            byte[] bytes = new byte[piece.remaining()];
            piece.duplicate().get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
