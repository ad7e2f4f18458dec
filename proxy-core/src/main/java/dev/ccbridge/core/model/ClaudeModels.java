package dev.ccbridge.core.model;

import java.util.List;

/**
 * The Claude models ccbridge offers Claude Code (one per tier, listed by {@code /v1/models}),
 * and the id a passthrough target without a model of its own receives for a bare tier name.
 */
public final class ClaudeModels {
    public record ClaudeModel(ModelTiers.Tier tier, String id, String displayName) {}

    /** The ids current Claude Code versions ask for, newest first within each tier. */
    public static final List<ClaudeModel> OFFERED = List.of(
            new ClaudeModel(ModelTiers.Tier.OPUS, "claude-opus-5-5", "Claude Opus 5.5"),
            new ClaudeModel(ModelTiers.Tier.SONNET, "claude-sonnet-5-5", "Claude Sonnet 5.5"),
            new ClaudeModel(ModelTiers.Tier.HAIKU, "claude-haiku-5-5", "Claude Haiku 5.5"),
            new ClaudeModel(ModelTiers.Tier.OPUS, "claude-opus-4-7", "Claude Opus 4.7"),
            new ClaudeModel(ModelTiers.Tier.SONNET, "claude-sonnet-4-6", "Claude Sonnet 4.6"),
            new ClaudeModel(ModelTiers.Tier.HAIKU, "claude-haiku-4-5", "Claude Haiku 4.5"));

    private ClaudeModels() {}

    public static String idFor(ModelTiers.Tier tier) {
        return OFFERED.stream().filter(m -> m.tier() == tier).findFirst().orElseThrow().id();
    }
}
