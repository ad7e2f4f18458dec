package dev.ccbridge.core.routing;

import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ContentBlock;
import dev.ccbridge.core.protocol.anthropic.ImageBlock;
import dev.ccbridge.core.protocol.anthropic.Message;
import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.Tool;
import dev.ccbridge.core.protocol.anthropic.ToolResultBlock;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which target answers a request: the one Claude Code addressed, unless a routing rule sends this
 * kind of request elsewhere, or Claude Code named a target itself with a model of the form
 * {@code <target-id>,<model>} ({@code /model deepseek,deepseek-v4-pro}). A target's own URL pins:
 * rules never move a request sent there; the explicit {@code target,model} form is honoured everywhere.
 */
public final class TargetRouter {
    /** Claude Code's alias for "the target's own model" (see {@link ModelRouter}). */
    private static final String DEFAULT_MODEL = "default";

    private final TargetRegistry targets;
    private final ModelRouter models;

    public TargetRouter(TargetRegistry targets, ModelRouter models) {
        this.targets = targets;
        this.models = models;
    }

    /**
     * Where a request goes.
     *
     * @param model  the model to ask the target for (Claude Code's, or the one a rule or {@code target,model} names)
     * @param forFallbacks the model the target's fallbacks map: Claude Code's, or {@code default} when
     *               Claude Code named a target's model itself (no other target knows it)
     * @param reason why it went elsewhere than addressed ({@code /model ...}, a rule), or null
     */
    public record Decision(Target target, String model, String forFallbacks, String reason) {}

    /**
     * @param estimatedTokens the prompt's size, for {@code long_context} rules
     */
    public Decision route(Target addressed, boolean pinned, MessagesRequest request, long estimatedTokens) {
        Optional<Decision> named = namedByModel(request.model());
        if (named.isPresent()) {
            return named.get();
        }
        if (!pinned) {
            List<RoutingRule> rules = new ArrayList<>(addressed.routing());
            rules.addAll(targets.config().routing());
            for (RoutingRule rule : rules) {
                Optional<Target> to = targets.byId(rule.to());
                if (to.isPresent() && !to.get().id().equals(addressed.id())
                        && applies(rule, addressed, request, estimatedTokens)) {
                    return new Decision(to.get(), rule.model() != null ? rule.model() : request.model(),
                            request.model(), rule.describe());
                }
            }
        }
        return new Decision(addressed, request.model(), request.model(), null);
    }

    /** {@code deepseek,deepseek-v4-pro}: only when the part before the comma names a target (model ids hold commas rarely, colons and slashes often). */
    private Optional<Decision> namedByModel(String model) {
        int comma = model == null ? -1 : model.indexOf(',');
        if (comma <= 0) {
            return Optional.empty();
        }
        String rest = model.substring(comma + 1).strip();
        return targets.byId(model.substring(0, comma).strip())
                .map(target -> new Decision(target, rest.isEmpty() ? DEFAULT_MODEL : rest, DEFAULT_MODEL,
                        "/model " + model.strip()));
    }

    private boolean applies(RoutingRule rule, Target addressed, MessagesRequest request, long estimatedTokens) {
        return switch (rule.when()) {
            case HAIKU -> tier(request) == ModelTiers.Tier.HAIKU;
            case SONNET -> tier(request) == ModelTiers.Tier.SONNET;
            case OPUS -> tier(request) == ModelTiers.Tier.OPUS;
            case IMAGE -> hasImages(request) && !resolved(addressed, request).capabilities().takesImages();
            case LONG_CONTEXT -> estimatedTokens > (rule.above() != null ? rule.above()
                    : resolved(addressed, request).capabilities().contextWindow());
            case THINKING -> request.thinkingOn();
            case WEB_SEARCH -> request.toolsOrEmpty().stream().map(Tool::type)
                    .anyMatch(type -> type != null && type.startsWith("web_search"));
            case UNKNOWN -> false;
        };
    }

    private static ModelTiers.Tier tier(MessagesRequest request) {
        return ModelRouter.tierOf(request.model()).orElse(null);
    }

    private ResolvedModel resolved(Target target, MessagesRequest request) {
        return models.resolve(target, request.model());
    }

    private static boolean hasImages(MessagesRequest request) {
        for (Message message : request.messages()) {
            for (ContentBlock block : message.contentOrEmpty()) {
                if (block instanceof ImageBlock || block instanceof ToolResultBlock result
                        && result.content() != null && result.content().stream().anyMatch(ImageBlock.class::isInstance)) {
                    return true;
                }
            }
        }
        return false;
    }
}
