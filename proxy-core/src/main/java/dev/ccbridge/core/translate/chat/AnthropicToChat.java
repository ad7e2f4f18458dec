package dev.ccbridge.core.translate.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCapabilities.ReasoningControl;
import dev.ccbridge.core.model.ModelCapabilities.RequestParam;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.DocumentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.RedactedThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.protocol.anthropic.ToolChoice;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.UnknownBlock;
import dev.ccbridge.core.protocol.openai.chat.ChatMessage;
import dev.ccbridge.core.protocol.openai.chat.ChatPart;
import dev.ccbridge.core.protocol.openai.chat.ChatRequest;
import dev.ccbridge.core.protocol.openai.chat.ChatTool;
import dev.ccbridge.core.protocol.openai.chat.ChatToolCall;
import dev.ccbridge.core.translate.common.ContentText;
import dev.ccbridge.core.translate.common.Effort;
import dev.ccbridge.core.translate.common.PromptCacheKey;
import dev.ccbridge.core.translate.common.SchemaSanitizer;
import dev.ccbridge.core.translate.common.SystemPrompt;
import dev.ccbridge.core.translate.common.ToolChoices;
import dev.ccbridge.core.translate.common.ToolIds;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.translate.common.ToolResultContent;
import dev.ccbridge.core.translate.common.ToolTurns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Anthropic Messages request -> Chat Completions request. Pure: no I/O, no state beyond the call.
 * What the model accepts (token parameter, sampling, images, reasoning replay, tool id format,
 * schema dialect) comes from its capabilities, never from provider names.
 */
public final class AnthropicToChat {
    private static final int MAX_STOP_SEQUENCES = 4;
    /**
     * Sent as {@code reasoning_content} for an assistant turn that has none to replay (written by a
     * provider that returned no reasoning, or only redacted reasoning): models that demand their
     * reasoning back reject turns without it, even after a switch of provider.
     */
    static final String REASONING_UNAVAILABLE = "(reasoning for this step is not available)";

    private final ModelCapabilities caps;
    private final ToolNames names;
    private final boolean thinkingOff;

    private AnthropicToChat(ModelCapabilities caps, ToolNames names, boolean thinkingOff) {
        this.caps = caps;
        this.names = names;
        this.thinkingOff = thinkingOff;
    }

    public static ChatRequest translate(MessagesRequest request, ResolvedModel model, ToolNames names) {
        boolean thinkingOff = request.thinking() != null && !request.thinkingOn();
        return new AnthropicToChat(model.capabilities(), names, thinkingOff).build(request, model);
    }

    private ChatRequest build(MessagesRequest request, ResolvedModel model) {
        List<ChatMessage> messages = new ArrayList<>();
        String system = SystemPrompt.text(request);
        if (!system.isEmpty()) {
            messages.add(ChatMessage.system(cacheMarked(request.systemOrEmpty()) ? systemParts(request) : system));
        }
        for (Message message : ToolTurns.repair(request.messagesOrEmpty())) {
            if (message.isAssistant()) {
                assistant(message, messages);
            } else if (message.isUser()) {
                user(message, messages);
            }
        }

        List<ChatTool> tools = tools(request.toolsOrEmpty());
        JsonNode toolChoice = tools.isEmpty() ? null : toolChoice(request.toolChoice(), request.toolsOrEmpty());
        Boolean parallel = !tools.isEmpty() && request.toolChoice() != null && request.toolChoice().parallelDisabled()
                ? Boolean.FALSE : null;

        int maxTokens = model.clampMaxTokens(request.maxTokens());
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        String reasoningEffort = reasoning(request, extra);
        if (caps.takesPromptCacheKey()) {
            PromptCacheKey.of(request).ifPresent(key -> extra.put("prompt_cache_key", TextNode.valueOf(key)));
        }

        return new ChatRequest(
                model.upstream(),
                messages,
                tools.isEmpty() ? null : tools,
                toolChoice,
                parallel,
                caps.usesMaxCompletionTokens() ? null : maxTokens,
                caps.usesMaxCompletionTokens() ? maxTokens : null,
                stop(request.stopSequences()),
                caps.rejectsParam(RequestParam.TEMPERATURE) ? null : request.temperature(),
                caps.rejectsParam(RequestParam.TOP_P) ? null : request.topP(),
                reasoningEffort,
                true,
                new ChatRequest.StreamOptions(true),
                extra);
    }

    private void assistant(Message message, List<ChatMessage> out) {
        var text = new StringBuilder();
        var reasoning = new StringBuilder();
        List<ChatToolCall> calls = new ArrayList<>();
        for (ContentBlock block : message.contentOrEmpty()) {
            switch (block) {
                case TextBlock t -> text.append(t.text());
                case ToolUseBlock u -> calls.add(ChatToolCall.of(upstreamId(u.id()), names.upstream(u.name()),
                        u.input() == null ? "{}" : Json.write(u.input())));
                case ThinkingBlock t -> {
                    if (t.thinking() != null && !t.thinking().isBlank()) {
                        reasoning.append(reasoning.isEmpty() ? "" : "\n\n").append(t.thinking());
                    }
                }
                case RedactedThinkingBlock ignored -> { }
                case UnknownBlock u -> {
                    String flat = ContentText.unknown(u);
                    if (flat != null) {
                        text.append(flat);
                    }
                }
                default -> { }
            }
        }
        if (text.isEmpty() && calls.isEmpty() && (reasoning.isEmpty() || !caps.replaysReasoning())) {
            return; // nothing the upstream could use; an empty assistant turn is rejected by many servers
        }
        String replay = null;
        if (caps.replaysReasoning()) {
            replay = !reasoning.isEmpty() ? reasoning.toString() : thinkingOff ? null : REASONING_UNAVAILABLE;
        }
        String content = text.isEmpty() ? (calls.isEmpty() ? "" : null) : text.toString();
        out.add(ChatMessage.assistant(content, replay, calls));
    }

    private void user(Message message, List<ChatMessage> out) {
        List<ChatPart> parts = new ArrayList<>();
        List<ChatPart> toolImages = new ArrayList<>();
        boolean multiPart = false;
        for (ContentBlock block : message.contentOrEmpty()) {
            switch (block) {
                case ToolResultBlock r -> {
                    String result = toolResult(r, toolImages);
                    out.add(ChatMessage.tool(upstreamId(r.toolUseId()), keepsMark(r.cacheControl())
                            ? List.of(ChatPart.text(result, r.cacheControl())) : result));
                }
                case TextBlock t -> {
                    if (!t.text().isEmpty()) {
                        boolean marked = keepsMark(t.cacheControl());
                        parts.add(marked ? ChatPart.text(t.text(), t.cacheControl()) : ChatPart.text(t.text()));
                        multiPart |= marked;
                    }
                }
                case ImageBlock i -> {
                    if (caps.takesImages() && i.source() != null && i.source().asUrl() != null) {
                        parts.add(ChatPart.image(i.source().asUrl()));
                        multiPart = true;
                    } else {
                        parts.add(ChatPart.text(ContentText.imageOmitted(i)));
                    }
                }
                case DocumentBlock d -> parts.add(ChatPart.text(ContentText.document(d)));
                case UnknownBlock u -> {
                    String flat = ContentText.unknown(u);
                    if (flat != null) {
                        parts.add(ChatPart.text(flat));
                    }
                }
                default -> { }
            }
        }
        if (!toolImages.isEmpty()) {
            // Chat tool messages carry text only: images a tool returned follow as a user message.
            List<ChatPart> withLabel = new ArrayList<>();
            withLabel.add(ChatPart.text(ToolResultContent.IMAGES_LABEL));
            withLabel.addAll(toolImages);
            out.add(ChatMessage.user(withLabel));
        }
        if (parts.isEmpty()) {
            return;
        }
        if (multiPart) {
            out.add(ChatMessage.user(parts));
        } else {
            // Plain string content: the widest-accepted form (several servers take only strings).
            var text = new StringBuilder();
            for (ChatPart part : parts) {
                text.append(text.isEmpty() ? "" : "\n\n").append(part.text());
            }
            out.add(ChatMessage.user(text.toString()));
        }
    }

    private String toolResult(ToolResultBlock result, List<ChatPart> images) {
        ToolResultContent content = ToolResultContent.of(result, caps.takesImages());
        content.imageUrls().forEach(url -> images.add(ChatPart.image(url)));
        return content.text();
    }

    private List<ChatTool> tools(List<Tool> tools) {
        return ToolChoices.custom(tools).stream()
                .map(tool -> ChatTool.function(names.upstream(tool.name()), tool.description(),
                        SchemaSanitizer.clean(tool.inputSchema(), caps.schemaDialect())))
                .toList();
    }

    private JsonNode toolChoice(ToolChoice choice, List<Tool> tools) {
        return ToolChoices.of(choice, tools).map(resolved -> switch (resolved) {
            case ToolChoices.Choice.Auto ignored -> (JsonNode) TextNode.valueOf("auto");
            case ToolChoices.Choice.Required ignored -> TextNode.valueOf("required");
            case ToolChoices.Choice.None ignored -> TextNode.valueOf("none");
            case ToolChoices.Choice.Named named -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                node.put("type", "function");
                node.putObject("function").put("name", names.upstream(named.name()));
                yield node;
            }
        }).orElse(null);
    }

    private List<String> stop(List<String> sequences) {
        if (sequences == null || sequences.isEmpty() || caps.rejectsParam(RequestParam.STOP)) {
            return null;
        }
        return sequences.size() <= MAX_STOP_SEQUENCES ? sequences : sequences.subList(0, MAX_STOP_SEQUENCES);
    }

    /** Sets the model's reasoning knob; returns {@code reasoning_effort} when that is the knob. */
    private String reasoning(MessagesRequest request, Map<String, JsonNode> extra) {
        Optional<String> effort = Effort.of(request);
        ReasoningControl control = caps.reasoningControl();
        switch (control == null ? ReasoningControl.NONE : control) {
            case REASONING_EFFORT -> {
                return effort.orElse(null);
            }
            case OPENROUTER -> effort.ifPresent(e -> {
                ObjectNode reasoning = JsonNodeFactory.instance.objectNode();
                reasoning.put("effort", e);
                extra.put("reasoning", reasoning);
            });
            case ENABLE_THINKING -> {
                if (request.thinking() != null) {
                    extra.put("enable_thinking", JsonNodeFactory.instance.booleanNode(request.thinkingOn()));
                }
            }
            case THINKING_TYPE -> {
                if (request.thinking() != null) {
                    ObjectNode thinking = JsonNodeFactory.instance.objectNode();
                    thinking.put("type", request.thinkingOn() ? "enabled" : "disabled");
                    extra.put("thinking", thinking);
                }
            }
            default -> { }
        }
        return null;
    }

    /** Whether a prompt-cache mark goes on (the upstream honours Anthropic's marks in Chat requests). */
    private boolean keepsMark(JsonNode cacheControl) {
        return caps.keepsCacheControl() && cacheControl != null && !cacheControl.isNull();
    }

    private boolean cacheMarked(List<ContentBlock> blocks) {
        return blocks.stream().anyMatch(b -> b instanceof TextBlock t && keepsMark(t.cacheControl()));
    }

    /** The system prompt as text parts, each system block with its prompt-cache mark, then the history's system text. */
    private List<ChatPart> systemParts(MessagesRequest request) {
        List<ChatPart> parts = new ArrayList<>();
        for (ContentBlock block : request.systemOrEmpty()) {
            if (block instanceof TextBlock t && !t.text().isBlank()) {
                parts.add(keepsMark(t.cacheControl()) ? ChatPart.text(t.text(), t.cacheControl()) : ChatPart.text(t.text()));
            }
        }
        for (Message message : request.messagesOrEmpty()) {
            if (message.isSystem()) {
                String text = ContentText.joinText(message.contentOrEmpty());
                if (!text.isBlank()) {
                    parts.add(ChatPart.text(text));
                }
            }
        }
        return parts;
    }

    private String upstreamId(String anthropicId) {
        return caps.wantsNineCharToolIds() ? ToolIds.toNineAlphanumerics(anthropicId) : ToolIds.toUpstream(anthropicId);
    }
}
