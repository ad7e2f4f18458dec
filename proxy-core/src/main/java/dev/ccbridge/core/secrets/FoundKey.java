package dev.ccbridge.core.secrets;

/** A target's API key and where it came from. Its text form never shows the key. */
public record FoundKey(String value, KeySource source) {
    @Override
    public String toString() {
        return "FoundKey[from " + source.describe() + "]";
    }
}
