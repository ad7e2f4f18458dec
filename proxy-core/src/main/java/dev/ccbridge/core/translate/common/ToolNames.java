package dev.ccbridge.core.translate.common;

import dev.ccbridge.core.protocol.anthropic.Tool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tool names as one request's upstream sees them. OpenAI-style APIs allow 64 characters of
 * {@code [A-Za-z0-9_-]}; Claude Code's MCP tools ({@code mcp__server__tool}) can be longer. Such
 * names are shortened with a hash suffix (the same name always gives the same short name) and
 * mapped back when the upstream calls the tool.
 */
public final class ToolNames {
    static final int MAX_LENGTH = 64;

    private final Map<String, String> toUpstream = new HashMap<>();
    private final Map<String, String> toAnthropic = new HashMap<>();

    public static ToolNames of(List<Tool> tools) {
        var names = new ToolNames();
        for (Tool tool : tools) {
            if (tool.name() != null) {
                names.register(tool.name());
            }
        }
        return names;
    }

    /** The upstream name for a tool (also for names only seen in history). */
    public String upstream(String anthropicName) {
        if (anthropicName == null) {
            return null;
        }
        return toUpstream.computeIfAbsent(anthropicName, name -> {
            String shortened = shorten(name);
            toAnthropic.putIfAbsent(shortened, name);
            return shortened;
        });
    }

    /** The name Claude Code knows for a tool the upstream called. */
    public String anthropic(String upstreamName) {
        if (upstreamName == null) {
            return null;
        }
        return toAnthropic.getOrDefault(upstreamName, upstreamName);
    }

    private void register(String name) {
        upstream(name);
    }

    static String shorten(String name) {
        var clean = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            clean.append(legal ? c : '_');
        }
        if (clean.length() <= MAX_LENGTH && clean.toString().equals(name)) {
            return name;
        }
        String suffix = "_" + ToolIds.hash(name, 8);
        int keep = Math.min(clean.length(), MAX_LENGTH - suffix.length());
        return clean.substring(0, keep) + suffix;
    }
}
