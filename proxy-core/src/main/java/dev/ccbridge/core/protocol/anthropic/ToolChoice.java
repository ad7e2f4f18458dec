package dev.ccbridge.core.protocol.anthropic;

/** {@code auto}, {@code any}, {@code none} or {@code tool} (with {@code name}). */
public record ToolChoice(String type, String name, Boolean disableParallelToolUse) {
    public boolean parallelDisabled() {
        return Boolean.TRUE.equals(disableParallelToolUse);
    }
}
