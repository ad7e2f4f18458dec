package dev.ccbridge.fake.wire;

import dev.ccbridge.fake.Received;
import dev.ccbridge.fake.Reply;
import dev.ccbridge.fake.Voice;
import dev.ccbridge.fake.agent.Conversation;
import dev.ccbridge.fake.agent.Turn;
import java.util.Optional;

/** One protocol: which requests ask for an answer, what they say, and how an answer is written. */
public interface Wire {
    /** Whether the request asks for an answer (the protocol's generation endpoint). */
    boolean asksForAnswer(Received request);

    Conversation read(Received request);

    Reply write(Turn turn, Conversation conversation, Voice voice, Received request);

    /** Answers to the protocol's other endpoints (token counts, model lists), if it has any. */
    default Optional<Reply> other(Received request) {
        return Optional.empty();
    }
}
