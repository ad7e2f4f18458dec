package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Large requests shaped as Claude Code sends them when a conversation holds images: its system
 * blocks and tools, then turns in which it read screenshots with its Read tool (each a
 * {@code tool_result} holding a base64 {@code image} block), and a last question. Images are
 * random bytes (they do not compress, as real PNGs hardly do), about 1.5 MB of base64 each.
 */
public final class LargeBodies {
    private static final int IMAGE_BYTES = 1_100_000;

    private LargeBodies() {}

    /** A messages request of about {@code size} bytes (a little under, never over). */
    public static byte[] withImages(long size, long seed) {
        var random = new Random(seed);
        ObjectNode body = Json.object();
        body.put("model", "claude-sonnet-4-6");
        body.put("max_tokens", 32000);
        body.put("stream", true);
        ArrayNode system = body.putArray("system");
        system.addObject().put("type", "text").put("text", "You are Claude Code, Anthropic's official CLI for Claude.");
        system.addObject().put("type", "text").put("text", "Look at the screenshots the user gives you. ".repeat(200))
                .putObject("cache_control").put("type", "ephemeral");
        ArrayNode tools = body.putArray("tools");
        for (String name : new String[] {"Read", "Bash", "Edit", "Grep"}) {
            ObjectNode tool = tools.addObject().put("name", name).put("description", name + " a file. ".repeat(40));
            ObjectNode schema = tool.putObject("input_schema").put("type", "object");
            schema.putObject("properties").putObject("file_path").put("type", "string")
                    .put("description", "The absolute path");
            schema.putArray("required").add("file_path");
        }
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Compare these screenshots of the app.");
        long base = Json.bytes(body).length + 200;
        long perImage = 4L * ((IMAGE_BYTES + 2) / 3) + 400;
        int images = (int) Math.max(1, (size - base) / perImage);
        long left = size - base - images * perImage;
        for (int i = 0; i < images; i++) {
            // The last image takes what is left, so the body lands just under the size asked for.
            int bytes = i == images - 1 ? (int) (IMAGE_BYTES + Math.max(0, left) * 3 / 4) : IMAGE_BYTES;
            String id = "toolu_" + seed + "_" + i;
            ObjectNode call = messages.addObject().put("role", "assistant");
            call.putArray("content").addObject().put("type", "tool_use").put("id", id).put("name", "Read")
                    .putObject("input").put("file_path", "/home/user/shots/screen-" + i + ".png");
            ObjectNode result = messages.addObject().put("role", "user");
            ObjectNode toolResult = result.putArray("content").addObject().put("type", "tool_result")
                    .put("tool_use_id", id);
            toolResult.putArray("content").addObject().put("type", "image").putObject("source")
                    .put("type", "base64").put("media_type", "image/png").put("data", base64(random, bytes));
        }
        messages.addObject().put("role", "assistant").put("content", "I have read all of them.");
        messages.addObject().put("role", "user").put("content", "Which one shows the error dialog?");
        return Json.bytes(body);
    }

    /** A small ordinary request (text only) of the same shape. */
    public static String small(String question) {
        return "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":64,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
    }

    private static String base64(Random random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return new String(Base64.getEncoder().encode(raw), StandardCharsets.ISO_8859_1);
    }
}
