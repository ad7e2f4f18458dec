package dev.ccbridge.core.model;

import dev.ccbridge.core.target.ModelTiers;
import java.util.List;

/**
 * The Claude models ccbridge offers Claude Code (one per tier, listed by {@code /v1/models}),
 * and the id a passthrough target without a model of its own receives for a bare tier name.
 */
public final class ClaudeModels {
    /** @param createdAt as Anthropic's model list reports it */
    public record ClaudeModel(ModelTiers.Tier tier, String id, String displayName, String createdAt) {}

    public static final List<ClaudeModel> OFFERED = List.of(
            new ClaudeModel(ModelTiers.Tier.OPUS, "claude-opus-4-7", "Claude Opus 4.7", "2026-04-16T00:00:00Z"),
            new ClaudeModel(ModelTiers.Tier.SONNET, "claude-sonnet-4-6", "Claude Sonnet 4.6", "2026-02-17T00:00:00Z"),
            new ClaudeModel(ModelTiers.Tier.HAIKU, "claude-haiku-4-5", "Claude Haiku 4.5", "2025-10-15T00:00:00Z"));

    private ClaudeModels() {}

    public static String idFor(ModelTiers.Tier tier) {
        return OFFERED.stream().filter(m -> m.tier() == tier).findFirst().orElseThrow().id();
    }
}
