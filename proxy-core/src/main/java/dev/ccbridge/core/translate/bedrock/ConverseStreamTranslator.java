package dev.ccbridge.core.translate.bedrock;

import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.stream.StopReason;
import dev.ccbridge.core.stream.StreamFailure;
import dev.ccbridge.core.translate.common.ToolIds;
import dev.ccbridge.core.translate.common.ToolNames;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * ConverseStream events (or one whole Converse response) -> Anthropic events. One object per
 * answer; no I/O. Bedrock sends {@code metadata} (usage) after {@code messageStop}, so the
 * message ends only at the end of the stream; a stream that ends without {@code messageStop} was
 * cut, and fails.
 */
public final class ConverseStreamTranslator {
    private final EventSequencer out;
    private final ToolNames names;
    /** Arguments per tool block, to check they are complete JSON before Claude Code may run the call. */
    private final Map<String, StringBuilder> toolArguments = new LinkedHashMap<>();
    private boolean stopped;

    public ConverseStreamTranslator(EventSequencer out, ToolNames names) {
        this.out = out;
        this.names = names;
    }

    /** Whether {@code messageStop} arrived: the answer's content is complete. */
    public boolean stopped() {
        return stopped;
    }

    public void onEvent(ConverseStreamOutput event) {
        switch (event) {
            case ContentBlockStartEvent start -> {
                if (start.start() != null && start.start().toolUse() != null) {
                    var tool = start.start().toolUse();
                    String key = key(start.contentBlockIndex());
                    out.toolStart(key, ToolIds.toAnthropic(tool.toolUseId()), names.anthropic(tool.name()));
                    // A start after arguments for the same block (out of order) must not forget them.
                    toolArguments.putIfAbsent(key, new StringBuilder());
                }
            }
            case ContentBlockDeltaEvent delta -> onDelta(key(delta.contentBlockIndex()), delta.delta());
            case ContentBlockStopEvent ignored -> out.closeBlock();
            case MessageStopEvent stop -> {
                stopped = true;
                out.finish(stopReason(stop.stopReasonAsString()), stopSequence(stop.additionalModelResponseFields()));
            }
            case ConverseStreamMetadataEvent metadata -> usage(metadata.usage());
            default -> { } // messageStart, and event types newer than this SDK
        }
    }

    /** The stream ended: completes the message, or fails if it was cut short. */
    public void onEnd() {
        if (!stopped) {
            throw StreamFailure.truncated();
        }
        for (var entry : toolArguments.entrySet()) {
            String arguments = entry.getValue().toString();
            if (!arguments.isBlank() && Json.parseOrNull(arguments) == null) {
                throw StreamFailure.malformed("the arguments of a tool call are not complete JSON");
            }
        }
        out.end();
    }

    /** A whole answer from Converse (no streaming). */
    public void onResponse(ConverseResponse response) {
        List<ContentBlock> content = response.output() == null || response.output().message() == null
                ? List.of() : response.output().message().content();
        for (int i = 0; i < content.size(); i++) {
            onBlock(key(i), content.get(i));
            out.closeBlock();
        }
        stopped = true;
        out.finish(stopReason(response.stopReasonAsString()), stopSequence(response.additionalModelResponseFields()));
        usage(response.usage());
        out.end();
    }

    private void onDelta(String key, ContentBlockDelta delta) {
        if (delta == null) {
            return;
        }
        if (delta.text() != null) {
            out.text(delta.text());
        }
        if (delta.toolUse() != null) {
            if (!out.hasTool(key)) {
                // Arguments without a start: the call cannot be named, but must not vanish.
                out.toolStart(key, ToolIds.randomId(), "unnamed_tool");
                toolArguments.put(key, new StringBuilder());
            }
            String fragment = delta.toolUse().input();
            if (fragment != null) {
                toolArguments.get(key).append(fragment);
                out.toolArguments(key, fragment);
            }
        }
        ReasoningContentBlockDelta reasoning = delta.reasoningContent();
        if (reasoning != null) {
            out.thinking(reasoning.text());
            out.signature(reasoning.signature());
            redacted(reasoning.redactedContent());
        }
    }

    private void onBlock(String key, ContentBlock block) {
        if (block.text() != null) {
            out.text(block.text());
        } else if (block.toolUse() != null) {
            var tool = block.toolUse();
            out.toolStart(key, ToolIds.toAnthropic(tool.toolUseId()), names.anthropic(tool.name()));
            out.toolArguments(key, tool.input() == null ? "{}" : Json.write(Documents.toJson(tool.input())));
        } else if (block.reasoningContent() != null) {
            ReasoningContentBlock reasoning = block.reasoningContent();
            if (reasoning.reasoningText() != null) {
                out.thinking(reasoning.reasoningText().text());
                out.signature(reasoning.reasoningText().signature());
            }
            redacted(reasoning.redactedContent());
        }
    }

    private void redacted(SdkBytes data) {
        if (data != null && data.asByteArrayUnsafe().length > 0) {
            out.redactedThinking(Base64.getEncoder().encodeToString(data.asByteArrayUnsafe()));
        }
    }

    private void usage(TokenUsage usage) {
        if (usage == null) {
            return;
        }
        out.usage(new Usage(count(usage.inputTokens()), count(usage.outputTokens()),
                count(usage.cacheWriteInputTokens()), count(usage.cacheReadInputTokens())));
    }

    private static long count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }

    private static String key(Integer contentBlockIndex) {
        return "block:" + (contentBlockIndex == null ? 0 : contentBlockIndex);
    }

    static String stopReason(String bedrock) {
        if (bedrock == null) {
            return null;
        }
        return switch (bedrock) {
            case "tool_use" -> StopReason.TOOL_USE;
            case "max_tokens", "model_context_window_exceeded" -> StopReason.MAX_TOKENS;
            case "stop_sequence" -> StopReason.STOP_SEQUENCE;
            case "guardrail_intervened", "content_filtered" -> StopReason.REFUSAL;
            default -> StopReason.END_TURN;
        };
    }

    /** Claude on Bedrock names the matched sequence in the model-specific response fields. */
    private static String stopSequence(Document fields) {
        if (fields == null || !fields.isMap()) {
            return null;
        }
        Document sequence = fields.asMap().get("stop_sequence");
        return sequence != null && sequence.isString() ? sequence.asString() : null;
    }
}
