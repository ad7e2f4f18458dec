package dev.ccbridge.core.model;

import java.util.List;

/**
 * The Claude models ccbridge offers Claude Code (one per tier, listed by {@code /v1/models}),
 * and the id a passthrough target without a model of its own receives for a bare tier name.
 */
public final class ClaudeModels {
    /** @param createdAt one fixed date: ccbridge does not know when an id was released, and the list stays stable */
    public record ClaudeModel(ModelTiers.Tier tier, String id, String displayName, String createdAt) {}

    private static final String CREATED_AT = "2026-01-01T00:00:00Z";

    /** The ids current Claude Code versions ask for, newest first within each tier. */
    public static final List<ClaudeModel> OFFERED = List.of(
            new ClaudeModel(ModelTiers.Tier.OPUS, "claude-opus-5-5", "Claude Opus 5.5", CREATED_AT),
            new ClaudeModel(ModelTiers.Tier.SONNET, "claude-sonnet-5-5", "Claude Sonnet 5.5", CREATED_AT),
            new ClaudeModel(ModelTiers.Tier.HAIKU, "claude-haiku-5-5", "Claude Haiku 5.5", CREATED_AT),
            new ClaudeModel(ModelTiers.Tier.OPUS, "claude-opus-4-7", "Claude Opus 4.7", CREATED_AT),
            new ClaudeModel(ModelTiers.Tier.SONNET, "claude-sonnet-4-6", "Claude Sonnet 4.6", CREATED_AT),
            new ClaudeModel(ModelTiers.Tier.HAIKU, "claude-haiku-4-5", "Claude Haiku 4.5", CREATED_AT));

    private ClaudeModels() {}

    public static String idFor(ModelTiers.Tier tier) {
        return OFFERED.stream().filter(m -> m.tier() == tier).findFirst().orElseThrow().id();
    }
}
