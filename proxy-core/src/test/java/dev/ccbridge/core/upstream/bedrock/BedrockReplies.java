package dev.ccbridge.core.upstream.bedrock;

import dev.ccbridge.core.testing.Fixtures;
import dev.ccbridge.fake.Dialect;
import dev.ccbridge.fake.FakeProvider;
import dev.ccbridge.fake.Profile;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.wire.EventStreamFrame;
import java.util.List;
import java.util.Map;

/** The fake provider as a Bedrock endpoint answering with recorded frames, errors, or silence. */
final class BedrockReplies {
    private BedrockReplies() {}

    static FakeProvider start() {
        return FakeProvider.start(Profile.of(Dialect.BEDROCK));
    }

    /** The frames of a golden scenario's {@code upstream.events}. */
    static List<EventStreamFrame> scenario(String name) {
        return EventStreamFrame.fromFixture(Fixtures.text("golden/bedrock_converse/" + name + "/upstream.events"));
    }

    /** These frames, each in two writes so that frames span reads. */
    static Reply stream(List<EventStreamFrame> frames) {
        return EventStreamFrame.reply(frames);
    }

    /** These frames, then nothing more: the connection stays open and silent. */
    static Reply streamThenHang(List<EventStreamFrame> frames) {
        Reply stream = stream(frames);
        return stream.withPieces(stream.pieces(), Reply.Ending.HANG);
    }

    /** No answer at all, not even a status line. */
    static Reply silence() {
        return new Reply(200, Map.of(), List.of(), Reply.Ending.HANG);
    }
}
