package dev.ccbridge.core.model;

/**
 * Which upstream model answers each of Claude Code's tiers. A null tier falls back to the
 * target's model.
 */
public record ModelTiers(String opus, String sonnet, String haiku) {
    public static final ModelTiers NONE = new ModelTiers(null, null, null);

    public String forTier(Tier tier) {
        return switch (tier) {
            case OPUS -> opus;
            case SONNET -> sonnet;
            case HAIKU -> haiku;
        };
    }

    public enum Tier { OPUS, SONNET, HAIKU }
}
