package dev.ccbridge.core.stream;

import com.fasterxml.jackson.databind.JsonNode;

/** An upstream answer that cannot be completed: the provider reported an error, or the bytes are wrong. */
public final class StreamFailure extends RuntimeException {
    public enum Kind { PROVIDER_ERROR, MALFORMED, TRUNCATED }

    private final Kind kind;
    private final transient JsonNode providerError;

    private StreamFailure(Kind kind, String message, JsonNode providerError) {
        super(message, null, false, false);
        this.kind = kind;
        this.providerError = providerError;
    }

    public static StreamFailure providerError(JsonNode error) {
        return new StreamFailure(Kind.PROVIDER_ERROR, "upstream reported an error", error);
    }

    public static StreamFailure malformed(String detail) {
        return new StreamFailure(Kind.MALFORMED, detail, null);
    }

    public static StreamFailure truncated() {
        return new StreamFailure(Kind.TRUNCATED, "upstream stream ended unexpectedly", null);
    }

    public Kind kind() {
        return kind;
    }

    public JsonNode providerError() {
        return providerError;
    }
}
