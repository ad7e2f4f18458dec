package dev.ccbridge.core.translate.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.protocol.anthropic.DocumentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.MediaSource;
import dev.ccbridge.core.protocol.anthropic.RedactedThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.TextBlock;
import dev.ccbridge.core.protocol.anthropic.ThinkingBlock;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.protocol.anthropic.ToolUseBlock;
import dev.ccbridge.core.protocol.anthropic.UnknownBlock;
import dev.ccbridge.core.translate.common.CarriedSignature;
import dev.ccbridge.core.translate.common.ContentText;
import dev.ccbridge.core.translate.common.ToolIds;
import dev.ccbridge.core.translate.common.ToolNames;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.CacheTTL;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;

/**
 * Anthropic content blocks -> Converse content blocks, for one request. Keeps the per-request
 * state Bedrock cares about: document names must differ, and at most four cache points are allowed.
 */
final class ConverseBlocks {
    static final int MAX_CACHE_POINTS = 4;
    static final String NO_OUTPUT = "(no output)";

    private static final Map<String, ImageFormat> IMAGE_FORMATS = Map.of(
            "image/png", ImageFormat.PNG, "image/jpeg", ImageFormat.JPEG, "image/jpg", ImageFormat.JPEG,
            "image/gif", ImageFormat.GIF, "image/webp", ImageFormat.WEBP);

    private static final Map<String, DocumentFormat> DOCUMENT_FORMATS = Map.of(
            "application/pdf", DocumentFormat.PDF,
            "text/csv", DocumentFormat.CSV,
            "application/msword", DocumentFormat.DOC,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocumentFormat.DOCX,
            "application/vnd.ms-excel", DocumentFormat.XLS,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DocumentFormat.XLSX,
            "text/html", DocumentFormat.HTML,
            "text/plain", DocumentFormat.TXT,
            "text/markdown", DocumentFormat.MD);

    private final ModelCapabilities caps;
    private final ToolNames names;
    private final Set<String> documentNames = new HashSet<>();
    private int cachePoints;

    ConverseBlocks(ModelCapabilities caps, ToolNames names) {
        this.caps = caps;
        this.names = names;
    }

    /** The Bedrock id for an Anthropic tool id: {@code [A-Za-z0-9_-]}, at most 64 characters, stable. */
    static String toolUseId(String anthropicId) {
        return ToolIds.toLegalUpstream(anthropicId);
    }

    /** A signature Bedrock can verify: Anthropic's own, never empty, never one ccbridge wrote for another mode. */
    static boolean isGenuineSignature(String signature) {
        return signature != null && !signature.isBlank() && !CarriedSignature.isCarried(signature);
    }

    List<SystemContentBlock> system(List<dev.ccbridge.core.protocol.anthropic.ContentBlock> blocks) {
        List<SystemContentBlock> out = new ArrayList<>();
        for (var block : blocks) {
            String text = switch (block) {
                case TextBlock t -> t.text();
                default -> ContentText.joinText(List.of(block));
            };
            if (text != null && !text.isBlank()) {
                out.add(SystemContentBlock.fromText(text));
                cacheControlOf(block).flatMap(this::cachePoint).ifPresent(p -> out.add(SystemContentBlock.fromCachePoint(p)));
            }
        }
        return out;
    }

    List<ContentBlock> user(List<dev.ccbridge.core.protocol.anthropic.ContentBlock> blocks) {
        List<ContentBlock> out = new ArrayList<>();
        for (var block : blocks) {
            Optional<ContentBlock> converted = switch (block) {
                case TextBlock t -> text(t.text());
                case ImageBlock i -> Optional.of(image(i));
                case DocumentBlock d -> Optional.of(document(d));
                case ToolResultBlock r -> Optional.of(ContentBlock.fromToolResult(b -> b
                        .toolUseId(toolUseId(r.toolUseId()))
                        .content(toolResultContent(r))
                        .status(r.failed() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS)));
                case UnknownBlock u -> text(ContentText.unknown(u));
                // Thinking and tool calls belong to assistant turns; in a user turn they are noise.
                default -> Optional.empty();
            };
            converted.ifPresent(b -> {
                out.add(b);
                cacheControlOf(block).flatMap(this::cachePoint).ifPresent(p -> out.add(ContentBlock.fromCachePoint(p)));
            });
        }
        return out;
    }

    List<ContentBlock> assistant(List<dev.ccbridge.core.protocol.anthropic.ContentBlock> blocks) {
        List<ContentBlock> out = new ArrayList<>();
        for (var block : blocks) {
            Optional<ContentBlock> converted = switch (block) {
                case TextBlock t -> text(t.text());
                case ToolUseBlock u -> Optional.of(ContentBlock.fromToolUse(b -> b
                        .toolUseId(toolUseId(u.id()))
                        .name(names.upstream(u.name()))
                        .input(Documents.objectOf(u.input()))));
                case ThinkingBlock t -> reasoning(t);
                case RedactedThinkingBlock r -> redacted(r);
                case UnknownBlock u -> text(ContentText.unknown(u));
                default -> text(ContentText.joinText(List.of(block)));
            };
            converted.ifPresent(b -> {
                out.add(b);
                cacheControlOf(block).flatMap(this::cachePoint).ifPresent(p -> out.add(ContentBlock.fromCachePoint(p)));
            });
        }
        return out;
    }

    /** A cache point for a {@code cache_control} mark, if the model takes them and the budget allows. */
    Optional<CachePointBlock> cachePoint(JsonNode cacheControl) {
        if (cacheControl == null || cacheControl.isNull() || !caps.keepsCacheControl()
                || cachePoints >= MAX_CACHE_POINTS) {
            return Optional.empty();
        }
        cachePoints++;
        var builder = CachePointBlock.builder().type(CachePointType.DEFAULT);
        if ("1h".equals(cacheControl.path("ttl").asText(null))) {
            builder.ttl(CacheTTL.VALUE_1_H);
        }
        return Optional.of(builder.build());
    }

    static Optional<JsonNode> cacheControlOf(dev.ccbridge.core.protocol.anthropic.ContentBlock block) {
        JsonNode mark = switch (block) {
            case TextBlock t -> t.cacheControl();
            case ImageBlock i -> i.cacheControl();
            case DocumentBlock d -> d.cacheControl();
            case ToolResultBlock r -> r.cacheControl();
            case ToolUseBlock u -> u.cacheControl();
            default -> null;
        };
        return Optional.ofNullable(mark);
    }

    private static Optional<ContentBlock> text(String text) {
        // Bedrock rejects empty (and whitespace-only) text blocks.
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(ContentBlock.fromText(text));
    }

    private ContentBlock image(ImageBlock image) {
        return imageBytes(image)
                .<ContentBlock>map(bytes -> ContentBlock.fromImage(b -> b.format(bytes.format())
                        .source(ImageSource.fromBytes(bytes.bytes()))))
                .orElseGet(() -> ContentBlock.fromText(imagePlaceholder(image)));
    }

    private record Bytes(ImageFormat format, SdkBytes bytes) {}

    private Optional<Bytes> imageBytes(ImageBlock image) {
        MediaSource source = image.source();
        if (!caps.takesImages() || source == null || !source.isBase64() || source.mediaType() == null) {
            return Optional.empty();
        }
        ImageFormat format = IMAGE_FORMATS.get(source.mediaType().toLowerCase(Locale.ROOT));
        return format == null ? Optional.empty()
                : decode(source.data(), Base64.getMimeDecoder()).map(bytes -> new Bytes(format, bytes));
    }

    private String imagePlaceholder(ImageBlock image) {
        MediaSource source = image.source();
        if (!caps.takesImages() || source == null) {
            return ContentText.imageOmitted(image);
        }
        if (source.isUrl()) {
            return "[image at " + source.url() + " was left out: Bedrock takes only images sent inline]";
        }
        return "[image (" + source.mediaType() + ") was left out: Bedrock takes png, jpeg, gif and webp]";
    }

    private ContentBlock document(DocumentBlock document) {
        MediaSource source = document.source();
        if (source != null && source.isBase64() && source.mediaType() != null) {
            DocumentFormat format = DOCUMENT_FORMATS.get(source.mediaType().toLowerCase(Locale.ROOT));
            Optional<SdkBytes> bytes = format == null ? Optional.empty()
                    : decode(source.data(), Base64.getMimeDecoder());
            if (bytes.isPresent()) {
                String name = documentName(document.title());
                return ContentBlock.fromDocument(b -> b.format(format).name(name)
                        .source(DocumentSource.fromBytes(bytes.get())));
            }
        }
        if (source != null && source.isUrl()) {
            return ContentBlock.fromText("[document at " + source.url()
                    + " was left out: Bedrock takes only documents sent inline]");
        }
        return ContentBlock.fromText(ContentText.document(document));
    }

    /**
     * Bedrock document names: letters, digits, single spaces, hyphens, parentheses and square
     * brackets, unique within the request.
     */
    String documentName(String title) {
        String base = title == null ? "" : title.replaceAll("[^A-Za-z0-9 ()\\[\\]-]", " ")
                .replaceAll("\\s+", " ").strip();
        if (base.isEmpty()) {
            base = "document";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150).strip();
        }
        String name = base;
        for (int n = 2; !documentNames.add(name); n++) {
            name = base + " (" + n + ")";
        }
        return name;
    }

    private List<ToolResultContentBlock> toolResultContent(ToolResultBlock result) {
        List<ToolResultContentBlock> out = new ArrayList<>();
        for (var block : result.contentOrEmpty()) {
            switch (block) {
                case TextBlock t -> {
                    if (!t.text().isBlank()) {
                        out.add(ToolResultContentBlock.fromText(t.text()));
                    }
                }
                case ImageBlock i -> out.add(imageBytes(i)
                        .map(bytes -> ToolResultContentBlock.fromImage(b -> b.format(bytes.format())
                                .source(ImageSource.fromBytes(bytes.bytes()))))
                        .orElseGet(() -> ToolResultContentBlock.fromText(imagePlaceholder(i))));
                case DocumentBlock d -> {
                    ContentBlock converted = document(d);
                    out.add(converted.document() != null ? ToolResultContentBlock.fromDocument(converted.document())
                            : ToolResultContentBlock.fromText(converted.text()));
                }
                default -> {
                    String text = ContentText.joinText(List.of(block));
                    if (!text.isBlank()) {
                        out.add(ToolResultContentBlock.fromText(text));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.add(ToolResultContentBlock.fromText(NO_OUTPUT));
        }
        return out;
    }

    private static Optional<ContentBlock> reasoning(ThinkingBlock thinking) {
        // Bedrock verifies the signature against the text: without a genuine one the block cannot go back.
        if (!isGenuineSignature(thinking.signature())) {
            return Optional.empty();
        }
        String text = thinking.thinking() == null ? "" : thinking.thinking();
        return Optional.of(ContentBlock.fromReasoningContent(ReasoningContentBlock.fromReasoningText(
                ReasoningTextBlock.builder().text(text).signature(thinking.signature()).build())));
    }

    private static Optional<ContentBlock> redacted(RedactedThinkingBlock redacted) {
        // Written by us from Bedrock's bytes (standard base64): anything else is not Bedrock's and cannot go back.
        return decode(redacted.data(), Base64.getDecoder()).map(bytes ->
                ContentBlock.fromReasoningContent(ReasoningContentBlock.fromRedactedContent(bytes)));
    }

    private static Optional<SdkBytes> decode(String base64, Base64.Decoder decoder) {
        if (base64 == null || base64.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SdkBytes.fromByteArray(decoder.decode(base64)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
