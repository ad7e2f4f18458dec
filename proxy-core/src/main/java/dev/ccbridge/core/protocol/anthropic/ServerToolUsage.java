package dev.ccbridge.core.protocol.anthropic;

/** How often the server ran its own tools for an answer ({@code usage.server_tool_use}). */
public record ServerToolUsage(long webSearchRequests) {
}
