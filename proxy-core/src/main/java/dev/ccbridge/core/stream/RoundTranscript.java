package dev.ccbridge.core.stream;

import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.StreamEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks one upstream call of an answer made, folded as they go out: what the model said and
 * called before ccbridge answered a call itself, to be sent back to it with the answer.
 */
final class RoundTranscript {
    private final Map<Integer, BlockBuilder> blocks = new LinkedHashMap<>();

    void accept(StreamEvent event) {
        switch (event) {
            case StreamEvent.ContentBlockStart start -> blocks.put(start.index(), new BlockBuilder(start.contentBlock()));
            case StreamEvent.ContentBlockDelta delta -> {
                BlockBuilder block = blocks.get(delta.index());
                if (block != null) {
                    block.apply(delta.delta());
                }
            }
            default -> { }
        }
    }

    List<ContentBlock> blocks() {
        List<ContentBlock> out = new ArrayList<>(blocks.size());
        blocks.values().forEach(block -> out.add(block.build()));
        return out;
    }

    void clear() {
        blocks.clear();
    }
}
