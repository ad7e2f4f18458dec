package dev.ccbridge.core.translate.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.UnknownBlock;
import dev.ccbridge.core.protocol.openai.chat.ChatMessage;
import dev.ccbridge.core.protocol.openai.chat.ChatMessage.ReplayedReasoning;
import dev.ccbridge.core.protocol.openai.chat.ChatPart;
import dev.ccbridge.core.protocol.openai.chat.ChatRequest;
import dev.ccbridge.core.protocol.openai.chat.ChatTool;
import dev.ccbridge.core.protocol.openai.chat.ChatToolCall;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.translate.common.ContentText;
import dev.ccbridge.core.translate.common.Effort;
import dev.ccbridge.core.translate.common.PdfFile;
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
 * What the model accepts (token parameter, sampling, images, documents, tool id format, schema
 * dialect) comes from its capabilities, never from provider names. Reasoning this upstream wrote
 * (known by the signature of its thinking blocks) goes back to it as it came, whatever the model
 * is called; the capabilities only add placeholders for models that must always see reasoning,
 * or keep it from models that refuse it.
 */
public final class AnthropicToChat {
    private static final int MAX_STOP_SEQUENCES = 4;
    /**
     * Sent as {@code reasoning_content} for an assistant turn that has none to replay (written by a
     * provider that returned no reasoning, or only redacted reasoning): models that demand their
     * reasoning back reject turns without it, even after a switch of provider.
     */
    static final String REASONING_UNAVAILABLE = "(reasoning for this step is not available)";
    /**
     * Google's documented stand-in for a thought signature a tool call never had (a call another
     * provider made): Gemini 3 refuses calls of the current turn without one.
     */
    static final String THOUGHT_SIGNATURE_PLACEHOLDER = "skip_thought_signature_validator";

    private final ModelCapabilities caps;
    private final ToolNames names;
    private final boolean thinkingOff;
    private final CarriedSignature.Origin origin;

    private AnthropicToChat(ResolvedModel model, ToolNames names, boolean thinkingOff) {
        this.caps = model.capabilities();
        this.names = names;
        this.thinkingOff = thinkingOff;
        this.origin = CarriedSignature.Origin.of(CarriedChatReasoning.MODE, model);
    }

    public static ChatRequest translate(MessagesRequest request, ResolvedModel model, ToolNames names) {
        boolean thinkingOff = request.thinking() != null && !request.thinkingOn();
        return new AnthropicToChat(model, names, thinkingOff).build(request, model);
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
        JsonNode toolChoice = tools.isEmpty() ? null : ToolChoices.openAi(request.toolChoice(), request.toolsOrEmpty(),
                names::upstream, ToolChoices.FunctionShape.NESTED);
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
        var own = new OwnReasoning();
        var foreign = new StringBuilder();
        List<ToolUseBlock> uses = new ArrayList<>();
        for (ContentBlock block : message.contentOrEmpty()) {
            switch (block) {
                case TextBlock t -> text.append(t.text());
                case ToolUseBlock u -> uses.add(u);
                case ThinkingBlock t -> CarriedChatReasoning.replay(t, origin).ifPresentOrElse(
                        replay -> own.add(t.thinking(), replay), () -> paragraph(foreign, t.thinking()));
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
        ReplayedReasoning reasoning = reasoningBack(own, foreign);
        boolean reasoningToGive = reasoning != null && (reasoning.details() != null
                || reasoning.text() != null && !reasoning.text().equals(REASONING_UNAVAILABLE));
        if (text.isEmpty() && uses.isEmpty() && !reasoningToGive) {
            return; // nothing the upstream could use; an empty assistant turn is rejected by many servers
        }
        String content = text.isEmpty() ? (uses.isEmpty() ? "" : null) : text.toString();
        out.add(ChatMessage.assistant(content, reasoning, toolCalls(uses, own.toolSignatures)));
    }

    /** Reasoning this upstream wrote, gathered from a turn's thinking blocks. */
    private static final class OwnReasoning {
        final StringBuilder text = new StringBuilder();
        final ArrayNode details = JsonNodeFactory.instance.arrayNode();
        final Map<String, String> toolSignatures = new LinkedHashMap<>();
        String field;

        void add(String thinking, CarriedChatReasoning.Replay replay) {
            if (replay.field() != null) {
                field = field == null ? replay.field() : field;
                paragraph(text, thinking);
            }
            if (replay.details() != null) {
                details.addAll((ArrayNode) replay.details());
            }
            toolSignatures.putAll(replay.toolSignatures());
        }
    }

    /**
     * What goes back of a turn's reasoning: this upstream's own, as it came (OpenRouter's details
     * in place of the text they also carry), unless the model is known to refuse it; failing that,
     * for models that must always see reasoning, any other provider's text or a placeholder.
     */
    private ReplayedReasoning reasoningBack(OwnReasoning own, StringBuilder foreign) {
        if (!caps.acceptsReasoningBack()) {
            return null;
        }
        if (!own.details.isEmpty()) {
            return new ReplayedReasoning(own.field, null, own.details);
        }
        if (!own.text.isEmpty()) {
            return new ReplayedReasoning(own.field, own.text.toString(), null);
        }
        if (!caps.demandsReasoningBack()) {
            return null;
        }
        String text = !foreign.isEmpty() ? foreign.toString() : thinkingOff ? null : REASONING_UNAVAILABLE;
        return text == null ? null : new ReplayedReasoning("reasoning_content", text, null);
    }

    /**
     * The turn's calls, each with the thought signature its upstream gave it. For models that sign
     * their calls, a turn none of whose calls has one (another provider made them) gets Google's
     * placeholder on its first call, as Gemini wants for a step that began elsewhere.
     */
    private List<ChatToolCall> toolCalls(List<ToolUseBlock> uses, Map<String, String> signatures) {
        List<ChatToolCall> calls = new ArrayList<>();
        boolean anySigned = uses.stream().anyMatch(u -> signatures.containsKey(u.id()));
        for (ToolUseBlock use : uses) {
            ChatToolCall call = ChatToolCall.of(upstreamId(use.id()), names.upstream(use.name()),
                    use.input() == null ? "{}" : Json.write(use.input()));
            String signature = signatures.get(use.id());
            if (signature == null && !anySigned && calls.isEmpty() && caps.signsToolCalls()) {
                signature = THOUGHT_SIGNATURE_PLACEHOLDER;
            }
            calls.add(signature == null ? call : call.withThoughtSignature(signature));
        }
        return calls;
    }

    private static void paragraph(StringBuilder out, String text) {
        if (text != null && !text.isBlank()) {
            out.append(out.isEmpty() ? "" : "\n\n").append(text);
        }
    }

    private void user(Message message, List<ChatMessage> out) {
        List<ChatPart> parts = new ArrayList<>();
        var returned = new Returned();
        boolean multiPart = false;
        for (ContentBlock block : message.contentOrEmpty()) {
            switch (block) {
                case ToolResultBlock r -> {
                    String result = toolResult(r, returned);
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
                case DocumentBlock d -> {
                    Optional<PdfFile> pdf = pdf(d);
                    pdf.ifPresent(file -> parts.add(ChatPart.file(file.filename(), file.dataUrl())));
                    multiPart |= pdf.isPresent();
                    if (pdf.isEmpty()) {
                        parts.add(ChatPart.text(ContentText.document(d)));
                    }
                }
                case UnknownBlock u -> {
                    String flat = ContentText.unknown(u);
                    if (flat != null) {
                        parts.add(ChatPart.text(flat));
                    }
                }
                default -> { }
            }
        }
        if (!returned.parts.isEmpty()) {
            // Chat tool messages carry text only: images and files a tool returned follow as a user message.
            List<ChatPart> withLabel = new ArrayList<>();
            withLabel.add(ChatPart.text(returned.label));
            withLabel.addAll(returned.parts);
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

    /** Images and files the tool results of one user turn returned. */
    private static final class Returned {
        final List<ChatPart> parts = new ArrayList<>();
        String label = ToolResultContent.IMAGES_LABEL;
    }

    /** A PDF to send as a file part: Chat takes files inline only, and only models that read documents. */
    private Optional<PdfFile> pdf(DocumentBlock document) {
        return caps.takesDocuments() ? PdfFile.of(document).filter(PdfFile::inline) : Optional.empty();
    }

    private String toolResult(ToolResultBlock result, Returned returned) {
        ToolResultContent content = ToolResultContent.of(result, caps, PdfFile::inline);
        content.imageUrls().forEach(url -> returned.parts.add(ChatPart.image(url)));
        content.pdfs().forEach(pdf -> returned.parts.add(ChatPart.file(pdf.filename(), pdf.dataUrl())));
        if (!content.pdfs().isEmpty()) {
            returned.label = ToolResultContent.FILES_LABEL;
        }
        return content.text();
    }

    private List<ChatTool> tools(List<Tool> tools) {
        return ToolChoices.custom(tools).stream()
                .map(tool -> ChatTool.function(names.upstream(tool.name()), tool.description(),
                        SchemaSanitizer.clean(tool.inputSchema(), caps.schemaDialect())))
                .toList();
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
