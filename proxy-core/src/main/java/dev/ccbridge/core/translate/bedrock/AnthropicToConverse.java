package dev.ccbridge.core.translate.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCapabilities.RequestParam;
import dev.ccbridge.core.model.ModelCapabilities.Reasoning;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.ToolChoice;
import dev.ccbridge.core.translate.common.Effort;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.translate.common.SchemaSanitizer;
import dev.ccbridge.core.translate.common.ToolNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * Anthropic Messages request -> Bedrock Converse request. Pure: no I/O. Claude-only knobs
 * (thinking, top_k, beta flags) go in {@code additionalModelRequestFields} when the model is
 * one of Anthropic's, as its capabilities say ({@code reasoning: anthropic}).
 */
public final class AnthropicToConverse {
    /** Beta flags Bedrock accepts for Claude; it rejects the rest of what Claude Code sends. */
    static final Set<String> FORWARDED_BETAS = Set.of("interleaved-thinking-2025-05-14", "context-1m-2025-08-07");
    static final int MIN_THINKING_BUDGET = 1024;
    static final String PAST_TOOL = "A tool used earlier in this conversation.";

    private final ResolvedModel model;
    private final ModelCapabilities caps;
    private final ToolNames names;
    private final ConverseBlocks blocks;

    private AnthropicToConverse(ResolvedModel model, ToolNames names) {
        this.model = model;
        this.caps = model.capabilities();
        this.names = names;
        this.blocks = new ConverseBlocks(caps, names);
    }

    /**
     * @param clientBetas the {@code anthropic-beta} flags Claude Code sent
     * @throws InvalidRequestException when the request cannot be expressed for Bedrock
     */
    public static ConverseInput translate(MessagesRequest request, ResolvedModel model, ToolNames names,
                                          Set<String> clientBetas) {
        return new AnthropicToConverse(model, names).build(request, clientBetas);
    }

    private ConverseInput build(MessagesRequest request, Set<String> clientBetas) {
        List<SystemContentBlock> system = system(request);
        // Tools before messages: cache points are counted in Anthropic's order (system, tools, messages).
        List<Tool> offered = offeredTools(request);
        var messages = ConverseTurns.shape(turns(request));
        if (messages.isEmpty()) {
            throw new InvalidRequestException("messages: at least one message with content is required");
        }
        int maxTokens = model.clampMaxTokens(request.maxTokens());
        boolean thinking = thinks(request, maxTokens, messages);
        return new ConverseInput(model.upstream(), system, messages,
                inference(request, maxTokens, thinking),
                toolConfig(request, offered, historyToolNames(messages), thinking),
                additionalFields(request, maxTokens, thinking, clientBetas));
    }

    private boolean claude() {
        return caps.reasoning() == Reasoning.ANTHROPIC;
    }

    /** The system prompt, then the {@code system} messages Claude Code puts inside the history. */
    private List<SystemContentBlock> system(MessagesRequest request) {
        List<SystemContentBlock> out = new ArrayList<>(blocks.system(request.systemOrEmpty()));
        for (Message message : request.messagesOrEmpty()) {
            if (message.isSystem()) {
                out.addAll(blocks.system(message.contentOrEmpty()));
            }
        }
        return out;
    }

    private List<ConverseTurns.Turn> turns(MessagesRequest request) {
        List<ConverseTurns.Turn> turns = new ArrayList<>();
        for (Message message : request.messagesOrEmpty()) {
            if (message.isUser()) {
                turns.add(new ConverseTurns.Turn(ConversationRole.USER,
                        withPromptForDocuments(blocks.user(message.contentOrEmpty()))));
            } else if (message.isAssistant()) {
                turns.add(new ConverseTurns.Turn(ConversationRole.ASSISTANT, blocks.assistant(message.contentOrEmpty())));
            }
        }
        return turns;
    }

    /** Bedrock wants a text block beside documents in a user turn. */
    private static List<ContentBlock> withPromptForDocuments(List<ContentBlock> content) {
        boolean documents = content.stream().anyMatch(b -> b.document() != null);
        boolean text = content.stream().anyMatch(b -> b.text() != null);
        if (documents && !text) {
            content.add(ContentBlock.fromText("(see the attached document)"));
        }
        return content;
    }

    private List<Tool> offeredTools(MessagesRequest request) {
        List<Tool> out = new ArrayList<>();
        for (var tool : request.toolsOrEmpty()) {
            if (!tool.isCustom() || tool.name() == null) {
                continue; // Anthropic server tools (web search, code execution) do not exist on Bedrock
            }
            String description = tool.description() == null || tool.description().isBlank() ? null : tool.description();
            out.add(Tool.fromToolSpec(ToolSpecification.builder()
                    .name(names.upstream(tool.name()))
                    .description(description)
                    .inputSchema(ToolInputSchema.fromJson(
                            Documents.of(SchemaSanitizer.clean(tool.inputSchema(), caps.schemaDialect()))))
                    .build()));
            blocks.cachePoint(tool.cacheControl()).ifPresent(point -> out.add(Tool.fromCachePoint(point)));
        }
        return out;
    }

    /**
     * Bedrock refuses a history with tool calls or results unless {@code toolConfig} is present,
     * even on a turn that offers no tools (Claude Code's summaries and titles): then the tools
     * used before are declared again.
     */
    private ToolConfiguration toolConfig(MessagesRequest request, List<Tool> offered, Set<String> historyNames,
                                         boolean thinking) {
        ToolChoice choice = request.toolChoice();
        String type = choice == null || choice.type() == null ? "auto" : choice.type();
        List<Tool> tools = offered;
        if (offered.isEmpty() || "none".equals(type)) {
            if (historyNames.isEmpty()) {
                return null;
            }
            // Converse has no "none": declare what the history needs; the model decides.
            tools = offered.isEmpty() ? pastTools(historyNames) : offered;
            return ToolConfiguration.builder().tools(tools).build();
        }
        var builder = ToolConfiguration.builder().tools(tools);
        // Claude refuses forced tool use while thinking; "auto" is the default and is left out.
        if (!thinking) {
            switch (type) {
                case "any" -> builder.toolChoice(c -> c.any(a -> { }));
                case "tool" -> builder.toolChoice(c -> c.tool(t -> t.name(forcedTool(choice, request))));
                default -> { }
            }
        }
        return builder.build();
    }

    private String forcedTool(ToolChoice choice, MessagesRequest request) {
        boolean offered = request.toolsOrEmpty().stream()
                .anyMatch(t -> t.isCustom() && choice.name() != null && choice.name().equals(t.name()));
        if (!offered) {
            throw new InvalidRequestException("tool_choice names tool '" + choice.name()
                    + "', which is not among the tools this upstream can call");
        }
        return names.upstream(choice.name());
    }

    private static List<Tool> pastTools(Set<String> historyNames) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.putObject("properties");
        Document inputSchema = Documents.of(schema);
        return historyNames.stream()
                .map(name -> Tool.fromToolSpec(ToolSpecification.builder().name(name).description(PAST_TOOL)
                        .inputSchema(ToolInputSchema.fromJson(inputSchema)).build()))
                .toList();
    }

    private static Set<String> historyToolNames(List<software.amazon.awssdk.services.bedrockruntime.model.Message> messages) {
        // After shaping, every tool result answers a call in the turn before it: the calls name them all.
        Set<String> names = new LinkedHashSet<>();
        for (var message : messages) {
            for (ContentBlock block : message.content()) {
                if (block.toolUse() != null) {
                    names.add(block.toolUse().name());
                }
            }
        }
        return names;
    }

    /**
     * Whether to ask Claude to think. Not when the last assistant turn of an unfinished tool loop
     * has no reasoning to replay (it was dropped: answered by another target, or unsigned):
     * Claude rejects that combination, so this one turn goes without thinking.
     */
    private boolean thinks(MessagesRequest request, int maxTokens,
                           List<software.amazon.awssdk.services.bedrockruntime.model.Message> messages) {
        if (!claude() || !request.thinkingOn() || maxTokens <= MIN_THINKING_BUDGET) {
            return false;
        }
        var last = messages.getLast();
        if (messages.size() < 2 || last.role() != ConversationRole.USER
                || last.content().stream().noneMatch(b -> b.toolResult() != null)) {
            return true;
        }
        var assistant = messages.get(messages.size() - 2);
        boolean calledTools = assistant.content().stream().anyMatch(b -> b.toolUse() != null);
        return !calledTools || assistant.content().getFirst().reasoningContent() != null;
    }

    private InferenceConfiguration inference(MessagesRequest request, int maxTokens, boolean thinking) {
        Double temperature = caps.rejectsParam(RequestParam.TEMPERATURE) ? null : request.temperature();
        Double topP = caps.rejectsParam(RequestParam.TOP_P) ? null : request.topP();
        if (thinking) {
            // Claude thinks only with the default temperature and a top_p of at least 0.95.
            temperature = temperature != null && temperature == 1.0 ? temperature : null;
            topP = topP != null && topP >= 0.95 ? topP : null;
        }
        if (claude() && temperature != null && topP != null) {
            topP = null; // newer Claude models refuse both at once
        }
        var builder = InferenceConfiguration.builder().maxTokens(maxTokens);
        if (temperature != null) {
            builder.temperature(temperature.floatValue());
        }
        if (topP != null) {
            builder.topP(topP.floatValue());
        }
        if (request.stopSequences() != null && !request.stopSequences().isEmpty() && !caps.rejectsParam(RequestParam.STOP)) {
            builder.stopSequences(request.stopSequences());
        }
        return builder.build();
    }

    private Document additionalFields(MessagesRequest request, int maxTokens, boolean thinking,
                                      Set<String> clientBetas) {
        if (!claude()) {
            return null;
        }
        ObjectNode fields = Json.object();
        if (thinking) {
            fields.putObject("thinking").put("type", "enabled").put("budget_tokens", thinkingBudget(request, maxTokens));
        } else if (request.topK() != null) {
            fields.put("top_k", request.topK());
        }
        var betas = clientBetas.stream()
                .filter(FORWARDED_BETAS::contains)
                .filter(beta -> thinking || !beta.startsWith("interleaved-thinking"))
                .sorted()
                .toList();
        if (!betas.isEmpty()) {
            var array = fields.putArray("anthropic_beta");
            betas.forEach(array::add);
        }
        return fields.isEmpty() ? null : Documents.of(fields);
    }

    /**
     * The budget Claude Code asked for, or one from its effort setting (adaptive thinking, which
     * not every Claude model on Bedrock knows); always at least 1024 and below max_tokens.
     */
    static int thinkingBudget(MessagesRequest request, int maxTokens) {
        Integer asked = request.thinking() == null ? null : request.thinking().budgetTokens();
        int budget = asked != null ? asked : switch (Effort.of(request).orElse("medium")) {
            case "low" -> 4096;
            case "high" -> 31999;
            default -> 16384;
        };
        return Math.max(MIN_THINKING_BUDGET, Math.min(budget, maxTokens - 1));
    }
}
