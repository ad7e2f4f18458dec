package dev.ccbridge.core.upstream;

import java.util.Map;

/** The upstream's own answer to a {@code count_tokens} call, relayed to the client as it came. */
public record CountTokensAnswer(int status, Map<String, String> headers, byte[] body) {
}
