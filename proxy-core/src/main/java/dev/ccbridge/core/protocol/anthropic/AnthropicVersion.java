package dev.ccbridge.core.protocol.anthropic;

/** The {@code anthropic-version} header ccbridge sends when the client gave none. */
public final class AnthropicVersion {
    public static final String HEADER = "anthropic-version";
    public static final String CURRENT = "2023-06-01";

    private AnthropicVersion() {}
}
