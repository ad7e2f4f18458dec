package dev.ccbridge.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * One streamed text answer per upstream protocol, chunk for chunk as providers send it (each
 * chunk one SSE frame with the fields real servers include), for the benchmarks and the fake
 * upstream.
 */
public final class UpstreamChunks {
    /** Text chunks in every answer the micro-benchmarks translate. */
    public static final int TEXT_CHUNKS = 100;
    /** The first text of every answer: what a client waits for (time to first token). */
    public static final String FIRST_TEXT = "Hello";

    private static final String[] PIECES = {"Hello", " build", " fails", " because", " `Order.total()`", " returns",
        " null", " when", " a line", " has", " no price;", " I'll", " fix", " it", " and", " add", " a test.", "\n\n",
        " Done", " —", " über"};

    private UpstreamChunks() {}

    public static String piece(int i) {
        return PIECES[i % PIECES.length];
    }

    /** Chat Completions: role chunk, text chunks, finish chunk, usage chunk, {@code [DONE]}. */
    public static List<byte[]> chatSse() {
        return chatSse(TEXT_CHUNKS);
    }

    /** The same with {@code textChunks} text chunks; the first text is always {@value #FIRST_TEXT}. */
    public static List<byte[]> chatSse(int textChunks) {
        List<byte[]> chunks = new ArrayList<>();
        chunks.add(chatFrame("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"));
        for (int i = 0; i < textChunks; i++) {
            chunks.add(chatFrame("{\"content\":" + jsonString(piece(i)) + "}", "null"));
        }
        chunks.add(chatFrame("{}", "\"stop\""));
        chunks.add(sse(null, "{\"id\":\"chatcmpl-BenchA1b2C3d4\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                + "\"model\":\"gpt-4.1-2025-04-14\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_51e1070cf2\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":12034,\"completion_tokens\":180,\"total_tokens\":12214,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":11776,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0}}}"));
        chunks.add(sse(null, "[DONE]"));
        return chunks;
    }

    private static byte[] chatFrame(String delta, String finishReason) {
        return sse(null, "{\"id\":\"chatcmpl-BenchA1b2C3d4\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                + "\"model\":\"gpt-4.1-2025-04-14\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_51e1070cf2\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason
                + "}],\"usage\":null,\"obfuscation\":\"x7Qa\"}");
    }

    /** A whole (non-streamed) Chat completion with the same text as {@link #chatSse(int)}. */
    public static byte[] chatCompletion(int textChunks) {
        var text = new StringBuilder();
        for (int i = 0; i < textChunks; i++) {
            text.append(piece(i));
        }
        return ("{\"id\":\"chatcmpl-BenchA1b2C3d4\",\"object\":\"chat.completion\",\"created\":1767225600,"
                + "\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":" + jsonString(text.toString()) + ",\"refusal\":null,\"annotations\":[]},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12034,"
                + "\"completion_tokens\":180,\"total_tokens\":12214,\"prompt_tokens_details\":{\"cached_tokens\":11776}},"
                + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_51e1070cf2\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Responses API: created, in_progress, item and part added, text deltas, the done events, completed. */
    public static List<byte[]> responsesSse() {
        String response = "{\"id\":\"resp_bench01\",\"object\":\"response\",\"created_at\":1767225600,\"status\":\"%s\","
                + "\"model\":\"gpt-5-codex\",\"output\":%s,\"parallel_tool_calls\":true,\"store\":false,"
                + "\"reasoning\":{\"effort\":\"medium\",\"summary\":\"auto\"},\"tool_choice\":\"auto\",\"tools\":[],"
                + "\"usage\":%s}";
        String item = "\"item_id\":\"msg_bench01\",\"output_index\":0,\"content_index\":0";
        var text = new StringBuilder();
        List<byte[]> chunks = new ArrayList<>();
        int seq = 0;
        chunks.add(sse("response.created", "{\"type\":\"response.created\",\"response\":"
                + response.formatted("in_progress", "[]", "null") + ",\"sequence_number\":" + seq++ + "}"));
        chunks.add(sse("response.in_progress", "{\"type\":\"response.in_progress\",\"response\":"
                + response.formatted("in_progress", "[]", "null") + ",\"sequence_number\":" + seq++ + "}"));
        chunks.add(sse("response.output_item.added", "{\"type\":\"response.output_item.added\",\"output_index\":0,"
                + "\"item\":{\"id\":\"msg_bench01\",\"type\":\"message\",\"status\":\"in_progress\",\"content\":[],"
                + "\"role\":\"assistant\"},\"sequence_number\":" + seq++ + "}"));
        chunks.add(sse("response.content_part.added", "{\"type\":\"response.content_part.added\"," + item
                + ",\"part\":{\"type\":\"output_text\",\"annotations\":[],\"text\":\"\"},\"sequence_number\":" + seq++ + "}"));
        for (int i = 0; i < TEXT_CHUNKS; i++) {
            text.append(piece(i));
            chunks.add(sse("response.output_text.delta", "{\"type\":\"response.output_text.delta\"," + item
                    + ",\"delta\":" + jsonString(piece(i)) + ",\"logprobs\":[],\"obfuscation\":\"x7Qa\","
                    + "\"sequence_number\":" + seq++ + "}"));
        }
        String whole = jsonString(text.toString());
        chunks.add(sse("response.output_text.done", "{\"type\":\"response.output_text.done\"," + item + ",\"text\":"
                + whole + ",\"logprobs\":[],\"sequence_number\":" + seq++ + "}"));
        String part = "{\"type\":\"output_text\",\"annotations\":[],\"text\":" + whole + "}";
        chunks.add(sse("response.content_part.done", "{\"type\":\"response.content_part.done\"," + item + ",\"part\":"
                + part + ",\"sequence_number\":" + seq++ + "}"));
        String message = "{\"id\":\"msg_bench01\",\"type\":\"message\",\"status\":\"completed\",\"content\":[" + part
                + "],\"role\":\"assistant\"}";
        chunks.add(sse("response.output_item.done", "{\"type\":\"response.output_item.done\",\"output_index\":0,"
                + "\"item\":" + message + ",\"sequence_number\":" + seq++ + "}"));
        chunks.add(sse("response.completed", "{\"type\":\"response.completed\",\"response\":"
                + response.formatted("completed", "[" + message + "]", "{\"input_tokens\":12034,"
                + "\"input_tokens_details\":{\"cached_tokens\":11776},\"output_tokens\":180,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":12214}")
                + ",\"sequence_number\":" + seq + "}"));
        return chunks;
    }

    /** Anthropic Messages, as an Anthropic-compatible upstream streams it. */
    public static List<byte[]> anthropicSse() {
        List<byte[]> chunks = new ArrayList<>();
        chunks.add(sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01Bench\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[],\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12034,\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":11776,\"output_tokens\":1,\"service_tier\":\"standard\"}}}"));
        chunks.add(sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        for (int i = 0; i < TEXT_CHUNKS; i++) {
            chunks.add(sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + jsonString(piece(i)) + "}}"));
        }
        chunks.add(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        chunks.add(sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":180}}"));
        chunks.add(sse("message_stop", "{\"type\":\"message_stop\"}"));
        return chunks;
    }

    /** Bedrock ConverseStream, as the AWS SDK hands the decoded events over. */
    public static List<ConverseStreamOutput> converseEvents() {
        List<ConverseStreamOutput> events = new ArrayList<>();
        events.add(ConverseStreamOutput.messageStartBuilder().role(ConversationRole.ASSISTANT).build());
        for (int i = 0; i < TEXT_CHUNKS; i++) {
            events.add(ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(0)
                    .delta(ContentBlockDelta.fromText(piece(i))).build());
        }
        events.add(ConverseStreamOutput.contentBlockStopBuilder().contentBlockIndex(0).build());
        events.add(ConverseStreamOutput.messageStopBuilder().stopReason("end_turn").build());
        ConverseStreamMetadataEvent metadata = (ConverseStreamMetadataEvent) ConverseStreamOutput.metadataBuilder()
                .usage(TokenUsage.builder().inputTokens(258).outputTokens(180).totalTokens(12214)
                        .cacheReadInputTokens(11776).build())
                .build();
        events.add(metadata);
        return events;
    }

    private static byte[] sse(String event, String data) {
        String frame = (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    static String jsonString(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
