package dev.ccbridge.core.stream;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.MessagesResponse;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds an Anthropic event stream into one message, as a client does, and rejects any sequence a
 * client would choke on (second {@code message_start}, a delta for a block that is not open, a
 * delta of the wrong kind, events after {@code message_stop}, ...). It answers non-streaming
 * clients and checks every translator's output in tests.
 */
public final class MessageAccumulator {
    private MessagesResponse start;
    private final List<BlockBuilder> blocks = new ArrayList<>();
    private int openIndex = -1;
    private String stopReason;
    private String stopSequence;
    private Usage usage;
    private boolean stopped;

    public void accept(StreamEvent event) {
        if (stopped) {
            throw new IllegalStateException("event after message_stop: " + event.type());
        }
        if (start == null && !(event instanceof StreamEvent.MessageStart) && !(event instanceof StreamEvent.Ping)) {
            throw new IllegalStateException(event.type() + " before message_start");
        }
        switch (event) {
            case StreamEvent.MessageStart s -> {
                if (start != null) {
                    throw new IllegalStateException("second message_start");
                }
                start = s.message();
                usage = s.message().usage();
            }
            case StreamEvent.ContentBlockStart s -> {
                if (openIndex >= 0) {
                    throw new IllegalStateException("block " + s.index() + " started while block " + openIndex + " is open");
                }
                if (s.index() != blocks.size()) {
                    throw new IllegalStateException("block index " + s.index() + ", expected " + blocks.size());
                }
                blocks.add(new BlockBuilder(s.contentBlock()));
                openIndex = s.index();
            }
            case StreamEvent.ContentBlockDelta d -> applyDelta(d);
            case StreamEvent.ContentBlockStop s -> {
                if (s.index() != openIndex) {
                    throw new IllegalStateException("stop for block " + s.index() + " but open is " + openIndex);
                }
                openIndex = -1;
            }
            case StreamEvent.MessageDelta d -> {
                if (openIndex >= 0) {
                    throw new IllegalStateException("message_delta while block " + openIndex + " is open");
                }
                stopReason = d.delta().stopReason();
                stopSequence = d.delta().stopSequence();
                if (d.usage() != null) {
                    usage = d.usage();
                }
            }
            case StreamEvent.MessageStop ignored -> {
                if (stopReason == null) {
                    throw new IllegalStateException("message_stop without a stop reason");
                }
                stopped = true;
            }
            case StreamEvent.Ping ignored -> { }
            case StreamEvent.Error e -> throw new IllegalStateException("error event: " + e.error().message());
        }
    }

    public boolean isComplete() {
        return stopped;
    }

    public MessagesResponse message() {
        if (!stopped) {
            throw new IllegalStateException("the stream has not ended");
        }
        List<ContentBlock> content = new ArrayList<>(blocks.size());
        for (BlockBuilder block : blocks) {
            content.add(block.build());
        }
        return MessagesResponse.of(start.id(), start.model(), content, stopReason, stopSequence, usage);
    }

    private void applyDelta(StreamEvent.ContentBlockDelta d) {
        if (d.index() != openIndex) {
            throw new IllegalStateException("delta for block " + d.index() + " but open is " + openIndex);
        }
        blocks.get(d.index()).apply(d.delta());
    }
}
