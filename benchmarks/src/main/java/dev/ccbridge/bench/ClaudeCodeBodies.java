package dev.ccbridge.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Request bodies shaped like Claude Code's: cached system blocks, its tool set with JSON schemas,
 * adaptive thinking, {@code context_management}, metadata, and a history of tool loops (thinking,
 * text, tool calls, tool results holding source files with quotes, tabs and non-ASCII text). The
 * smallest size is the short kind Claude Code sends for titles and quota checks. Deterministic:
 * the same size always gives the same bytes, so runs compare.
 */
public final class ClaudeCodeBodies {
    public static final int KB = 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TOOLS = {"Task", "Bash", "Glob", "Grep", "LS", "ExitPlanMode", "Read", "Edit",
        "MultiEdit", "Write", "NotebookEdit", "WebFetch", "TodoWrite", "WebSearch", "BashOutput", "KillShell"};
    private static final String[] WORDS = {"the", "build", "fails", "because", "class", "method", "returns", "null",
        "when", "config", "is", "missing", "we", "should", "check", "test", "order", "service", "customer", "value",
        "Müller", "naïve", "→", "日本", "😀", "first", "then", "read", "file", "and", "fix", "it"};

    private ClaudeCodeBodies() {}

    /** A body of about {@code targetBytes} (within a few percent), streaming or not. */
    public static byte[] of(int targetBytes, boolean stream) {
        var random = new Random(targetBytes);
        ObjectNode root = NODES.objectNode();
        root.put("model", "claude-sonnet-4-6");
        root.put("max_tokens", 32000);
        if (targetBytes < 4 * KB) {
            small(root, targetBytes, random);
        } else {
            large(root, targetBytes, random);
        }
        root.put("stream", stream);
        return Json.write(root).getBytes(StandardCharsets.UTF_8);
    }

    /** A short request: one system line, one user question, no tools. */
    private static void small(ObjectNode root, int targetBytes, Random random) {
        ArrayNode system = root.putArray("system");
        system.addObject().put("type", "text").put("text", "You are Claude Code, Anthropic's official CLI for Claude.");
        ArrayNode messages = root.putArray("messages");
        ObjectNode user = messages.addObject().put("role", "user");
        int used = Json.write(root).length() + 60;
        user.put("content", "Write a 5-10 word title for this conversation: " + prose(random, targetBytes - used));
        root.putObject("metadata").put("user_id", "{\"device_id\":\"bench\",\"session_id\":\"0001\"}");
    }

    private static void large(ObjectNode root, int targetBytes, Random random) {
        ArrayNode system = root.putArray("system");
        system.addObject().put("type", "text").put("text", "You are Claude Code, Anthropic's official CLI for Claude.")
                .putObject("cache_control").put("type", "ephemeral");
        system.addObject().put("type", "text").put("text", instructions(random, Math.min(12 * KB, targetBytes / 5)))
                .putObject("cache_control").put("type", "ephemeral");
        ArrayNode messages = root.putArray("messages");
        ObjectNode first = messages.addObject().put("role", "user");
        ArrayNode firstContent = first.putArray("content");
        firstContent.addObject().put("type", "text")
                .put("text", "<system-reminder>\nAs you answer the user's questions, you can use the following context:\n"
                        + "# claudeMd\n" + prose(random, 600) + "\n</system-reminder>");
        firstContent.addObject().put("type", "text").put("text", "The build fails since this morning. Find out why and fix it.");
        ArrayNode tools = root.putArray("tools");
        int toolBudget = Math.min(26 * KB, targetBytes / 2);
        for (int i = 0; i < TOOLS.length && Json.write(tools).length() < toolBudget; i++) {
            tools.add(tool(TOOLS[i], random));
        }
        root.putObject("tool_choice").put("type", "auto");
        root.putObject("thinking").put("type", "adaptive");
        root.putObject("context_management").putArray("edits").addObject()
                .put("type", "clear_thinking_20251015").put("keep", "all");
        root.putObject("output_config").put("effort", "high");
        root.putObject("metadata").put("user_id", "{\"device_id\":\"bench\",\"session_id\":\"0001\"}");
        root.put("temperature", 1);

        int size = Json.write(root).length();
        for (int turn = 0; size < targetBytes - 600; turn++) {
            int room = targetBytes - size;
            String id = "toolu_01" + Integer.toString(1_000_000 + turn * 7919, 36) + "Bench" + turn;
            String name = TOOLS[1 + turn % 9];
            ObjectNode assistant = messages.addObject().put("role", "assistant");
            ArrayNode said = assistant.putArray("content");
            said.addObject().put("type", "thinking").put("thinking", prose(random, 300))
                    .put("signature", "EqQBCkYIBxgCKkB" + Integer.toHexString(random.nextInt()) + "k0V1e".repeat(20));
            said.addObject().put("type", "text").put("text", prose(random, 160));
            ObjectNode input = said.addObject().put("type", "tool_use").put("id", id).put("name", name)
                    .putObject("input");
            input.put("file_path", "/home/dev/shop/src/main/java/shop/Order" + turn + ".java");
            input.put("command", "mvn -q -pl core test -Dtest=OrderTest#total" + turn);
            ObjectNode user = messages.addObject().put("role", "user");
            ArrayNode results = user.putArray("content");
            int fileBytes = Math.max(200, Math.min(9 * KB, room - 900));
            results.addObject().put("type", "tool_result").put("tool_use_id", id).put("content", sourceFile(random, fileBytes));
            results.addObject().put("type", "text").put("text", "<system-reminder>Todo list: 1 in progress.</system-reminder>");
            size = Json.write(root).length();
        }
        ObjectNode last = messages.addObject().put("role", "user");
        last.putArray("content").addObject().put("type", "text").put("text", "Go on.")
                .putObject("cache_control").put("type", "ephemeral");
    }

    private static ObjectNode tool(String name, Random random) {
        ObjectNode tool = NODES.objectNode();
        tool.put("name", name);
        tool.put("description", name + ": " + prose(random, 1200) + "\n\nUsage notes:\n- " + prose(random, 300)
                + "\n- " + prose(random, 200));
        ObjectNode schema = tool.putObject("input_schema");
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (int i = 0; i < 4; i++) {
            String field = WORDS[(name.length() + i * 5) % 19] + "_" + i;
            ObjectNode property = properties.putObject(field);
            property.put("type", i == 2 ? "number" : "string");
            property.put("description", prose(random, 120));
            if (i == 3) {
                ArrayNode values = property.putArray("enum");
                values.add("content").add("files_with_matches").add("count");
            }
            if (i < 2) {
                required.add(field);
            }
        }
        schema.put("additionalProperties", false);
        return tool;
    }

    private static String instructions(Random random, int bytes) {
        var text = new StringBuilder("You are an interactive CLI tool that helps users with software engineering tasks.\n");
        for (int section = 0; text.length() < bytes; section++) {
            text.append("\n# Section ").append(section).append('\n');
            text.append("- ").append(prose(random, 240)).append('\n');
            text.append("- ").append(prose(random, 180)).append('\n');
        }
        return text.substring(0, Math.min(text.length(), bytes));
    }

    /** Java source as a Read tool returns it: numbered lines, quotes, tabs, some non-ASCII. */
    private static String sourceFile(Random random, int bytes) {
        var text = new StringBuilder();
        for (int line = 1; text.length() < bytes; line++) {
            text.append(String.format("%6d\t", line));
            switch (line % 6) {
                case 0 -> text.append("    }\n");
                case 1 -> text.append("    public BigDecimal total").append(line).append("(Order order) {\n");
                case 2 -> text.append("        // ").append(prose(random, 50)).append('\n');
                case 3 -> text.append("        String label = \"").append(prose(random, 30)).append("\\n\";\n");
                case 4 -> text.append("        return order.lines().stream().map(Line::price).reduce(ZERO, BigDecimal::add);\n");
                default -> text.append("\tif (order == null) throw new IllegalStateException(\"no order\");\n");
            }
        }
        return text.toString();
    }

    private static String prose(Random random, int chars) {
        var text = new StringBuilder(chars + 16);
        while (text.length() < chars) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(9) == 0 ? ". " : " ");
        }
        return text.substring(0, Math.max(0, chars)).strip();
    }

    /** Writes the bodies the end-to-end benchmark sends, for a quick look: {@code ClaudeCodeBodies DIR}. */
    public static void main(String[] args) throws Exception {
        var dir = java.nio.file.Path.of(args.length > 0 ? args[0] : ".");
        java.nio.file.Files.createDirectories(dir);
        for (int size : new int[] {KB, 50 * KB, 500 * KB}) {
            byte[] body = of(size, false);
            java.nio.file.Files.write(dir.resolve("claude-code-" + size / KB + "k.json"), body);
            System.out.println(size / KB + " KB target -> " + body.length + " bytes");
        }
    }
}
