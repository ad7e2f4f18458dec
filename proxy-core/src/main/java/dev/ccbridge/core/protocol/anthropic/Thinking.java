package dev.ccbridge.core.protocol.anthropic;

/** {@code enabled} (with budget_tokens), {@code adaptive} or {@code disabled}. */
public record Thinking(String type, Integer budgetTokens, String display) {
    public boolean isOn() {
        return "enabled".equals(type) || "adaptive".equals(type);
    }
}
