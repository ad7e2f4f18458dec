package dev.ccbridge.core.translate.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCapabilities.RequestParam;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.DocumentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.UnknownBlock;
import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import dev.ccbridge.core.protocol.openai.responses.InputContent;
import dev.ccbridge.core.protocol.openai.responses.InputItem;
import dev.ccbridge.core.protocol.openai.responses.ResponsesRequest;
import dev.ccbridge.core.protocol.openai.responses.ResponsesTool;
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
import java.util.List;
import java.util.Optional;

/**
 * Anthropic Messages request -> Responses request. Pure: no I/O, no state beyond the call. The
 * provider keeps nothing ({@code store:false}), so the whole history goes in {@code input}, with
 * the model's earlier reasoning replayed from the signatures Claude Code sends back.
 */
public final class AnthropicToResponses {
    /** The API rejects smaller {@code max_output_tokens}. */
    static final int MIN_OUTPUT_TOKENS = 16;

    private final ModelCapabilities caps;
    private final String model;
    private final CarriedSignature.Origin origin;
    private final ToolNames names;

    private AnthropicToResponses(ResolvedModel model, ToolNames names) {
        this.caps = model.capabilities();
        this.model = model.upstream();
        this.origin = CarriedReasoning.origin(model);
        this.names = names;
    }

    public static ResponsesRequest translate(MessagesRequest request, ResolvedModel model, ToolNames names) {
        return new AnthropicToResponses(model, names).build(request, model);
    }

    private ResponsesRequest build(MessagesRequest request, ResolvedModel resolved) {
        List<InputItem> input = new ArrayList<>();
        for (Message message : ToolTurns.repair(request.messagesOrEmpty())) {
            if (message.isAssistant()) {
                assistant(message, input);
            } else if (message.isUser()) {
                user(message, input);
            }
        }
        List<ResponsesTool> tools = new ArrayList<>(tools(request.toolsOrEmpty()));
        // Anthropic's web search tool kept this far: the provider searches itself (see WebSearchPlan).
        Optional<WebSearchTool> search = WebSearchTool.in(request.tools());
        search.ifPresent(s -> tools.add(ResponsesTool.webSearch(s.allowedDomains(), s.userLocation())));
        JsonNode toolChoice = tools.isEmpty() ? null : ToolChoices.openAi(request.toolChoice(), request.toolsOrEmpty(),
                names::upstream, ToolChoices.FunctionShape.FLAT);
        Boolean parallel = tools.isEmpty() ? null
                : !(request.toolChoice() != null && request.toolChoice().parallelDisabled());
        boolean reasons = reasons();
        String instructions = SystemPrompt.text(request);

        return new ResponsesRequest(
                model,
                instructions.isEmpty() ? null : instructions,
                input,
                tools.isEmpty() ? null : tools,
                toolChoice,
                parallel,
                search.map(WebSearchTool::maxUses).orElse(null),
                Math.max(MIN_OUTPUT_TOKENS, resolved.clampMaxTokens(request.maxTokens())),
                caps.rejectsParam(RequestParam.TEMPERATURE) ? null : request.temperature(),
                caps.rejectsParam(RequestParam.TOP_P) ? null : request.topP(),
                reasons ? new ResponsesRequest.Reasoning(Effort.of(request).orElse(null), "auto") : null,
                include(reasons, search.isPresent()),
                false,
                true,
                caps.takesPromptCacheKey() ? PromptCacheKey.of(request).orElse(null) : null);
    }

    /** The extra output asked for: encrypted reasoning to replay, the pages each web search found. */
    private static List<String> include(boolean reasons, boolean searches) {
        List<String> include = new ArrayList<>();
        if (reasons) {
            include.add(ResponsesRequest.ENCRYPTED_REASONING);
        }
        if (searches) {
            include.add(ResponsesRequest.WEB_SEARCH_SOURCES);
        }
        return include.isEmpty() ? null : include;
    }

    /**
     * Whether to ask for reasoning (effort, summaries, and with {@code store:false} the encrypted
     * items that carry it to the next turn): for every model not known to be without it. Models
     * that do not reason refuse the parameters, which the dialect then leaves out.
     */
    private boolean reasons() {
        return caps.mayReason();
    }

    /**
     * An assistant turn becomes a sequence of items in its own order: replayed reasoning, then
     * messages and function calls as the text and tool_use blocks came.
     */
    private void assistant(Message message, List<InputItem> out) {
        int first = out.size();
        List<InputContent> text = new ArrayList<>();
        for (ContentBlock block : message.contentOrEmpty()) {
            switch (block) {
                case TextBlock t -> {
                    if (!t.text().isEmpty()) {
                        text.add(new InputContent.OutputText(t.text()));
                    }
                }
                case ToolUseBlock u -> {
                    flushAssistantText(text, out);
                    out.add(new InputItem.FunctionCall(ToolIds.toUpstream(u.id()), names.upstream(u.name()),
                            u.input() == null ? "{}" : Json.write(u.input())));
                }
                case ThinkingBlock t -> CarriedReasoning.replay(t, origin).ifPresent(reasoning -> {
                    flushAssistantText(text, out);
                    out.add(reasoning);
                });
                case UnknownBlock u -> {
                    String flat = ContentText.unknown(u);
                    if (flat != null && !flat.isEmpty()) {
                        text.add(new InputContent.OutputText(flat));
                    }
                }
                default -> { } // redacted thinking and foreign thinking cannot be replayed here
            }
        }
        flushAssistantText(text, out);
        // The API rejects a reasoning item that nothing follows (a turn cut off while reasoning).
        while (out.size() > first && out.getLast() instanceof InputItem.Reasoning) {
            out.removeLast();
        }
    }

    private static void flushAssistantText(List<InputContent> text, List<InputItem> out) {
        if (!text.isEmpty()) {
            out.add(InputItem.Message.assistant(text));
            text.clear();
        }
    }

    /** Tool results first (as function_call_output items), then images and files they returned, then the user's own content. */
    private void user(Message message, List<InputItem> out) {
        List<InputContent> parts = new ArrayList<>();
        List<InputContent> returned = new ArrayList<>();
        boolean files = false;
        for (ContentBlock block : message.contentOrEmpty()) {
            switch (block) {
                case ToolResultBlock r -> {
                    ToolResultContent content = ToolResultContent.of(r, caps, pdf -> true);
                    out.add(new InputItem.FunctionCallOutput(ToolIds.toUpstream(r.toolUseId()), content.text()));
                    content.imageUrls().forEach(url -> returned.add(InputContent.InputImage.of(url)));
                    content.pdfs().forEach(pdf -> returned.add(file(pdf)));
                    files |= !content.pdfs().isEmpty();
                }
                case TextBlock t -> {
                    if (!t.text().isEmpty()) {
                        parts.add(new InputContent.InputText(t.text()));
                    }
                }
                case ImageBlock i -> parts.add(image(i));
                case DocumentBlock d -> parts.add(document(d));
                case UnknownBlock u -> {
                    String flat = ContentText.unknown(u);
                    if (flat != null && !flat.isEmpty()) {
                        parts.add(new InputContent.InputText(flat));
                    }
                }
                default -> { }
            }
        }
        if (!returned.isEmpty()) {
            // function_call_output carries text: images and files a tool returned follow as a user message.
            List<InputContent> withLabel = new ArrayList<>();
            withLabel.add(new InputContent.InputText(files ? ToolResultContent.FILES_LABEL : ToolResultContent.IMAGES_LABEL));
            withLabel.addAll(returned);
            out.add(InputItem.Message.user(withLabel));
        }
        if (!parts.isEmpty()) {
            out.add(InputItem.Message.user(parts));
        }
    }

    private InputContent image(ImageBlock image) {
        String url = image.source() == null ? null : image.source().asUrl();
        return caps.takesImages() && url != null
                ? InputContent.InputImage.of(url)
                : new InputContent.InputText(ContentText.imageOmitted(image));
    }

    /** A PDF as {@code input_file} (inline or by URL) for models that read documents, else its text or a note. */
    private InputContent document(DocumentBlock document) {
        return (caps.takesDocuments() ? PdfFile.of(document) : Optional.<PdfFile>empty())
                .map(AnthropicToResponses::file)
                .orElseGet(() -> new InputContent.InputText(ContentText.document(document)));
    }

    private static InputContent file(PdfFile pdf) {
        return new InputContent.InputFile(pdf.filename(), pdf.dataUrl(), pdf.url());
    }

    private List<ResponsesTool> tools(List<Tool> tools) {
        return ToolChoices.custom(tools).stream()
                .map(tool -> ResponsesTool.function(names.upstream(tool.name()), tool.description(),
                        SchemaSanitizer.clean(tool.inputSchema(), caps.schemaDialect())))
                .toList();
    }

}
