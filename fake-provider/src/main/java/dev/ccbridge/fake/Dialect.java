package dev.ccbridge.fake;

import dev.ccbridge.fake.Voice.ChatReasoning;
import dev.ccbridge.fake.Voice.ToolIds;
import dev.ccbridge.fake.wire.AnthropicWire;
import dev.ccbridge.fake.wire.ChatWire;
import dev.ccbridge.fake.wire.ConverseWire;
import dev.ccbridge.fake.wire.ResponsesWire;
import dev.ccbridge.fake.wire.Wire;

/** The protocol a fake provider speaks, with the voice of its best-known provider. */
public enum Dialect {
    CHAT(new ChatWire(), "/v1", new Voice(ChatReasoning.REASONING_CONTENT, ToolIds.prefixed("call_"), Signer.OPENAI)),
    RESPONSES(new ResponsesWire(), "/v1", new Voice(ChatReasoning.NONE, ToolIds.prefixed("call_"), Signer.OPENAI)),
    ANTHROPIC(new AnthropicWire(), "", new Voice(ChatReasoning.NONE, ToolIds.prefixed("toolu_"), Signer.CLAUDE)),
    BEDROCK(new ConverseWire(), "", new Voice(ChatReasoning.NONE, ToolIds.prefixed("tooluse_"), Signer.CLAUDE));

    private final Wire wire;
    private final String basePath;
    private final Voice voice;

    Dialect(Wire wire, String basePath, Voice voice) {
        this.wire = wire;
        this.basePath = basePath;
        this.voice = voice;
    }

    public Wire wire() {
        return wire;
    }

    /** What a target's base URL adds to the server's root: {@code /v1} for OpenAI's protocols. */
    public String basePath() {
        return basePath;
    }

    public Voice voice() {
        return voice;
    }
}
