package dev.ccbridge.core.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.exchange.Replies;
import dev.ccbridge.core.model.ClaudeModels;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /v1/models}: the Claude ids Claude Code asks for (each says which upstream model
 * answers it) and the target's own models, in Anthropic's list format with its paging, each
 * described as the Models API does ({@link ModelInfo}) with the limits of the model that answers.
 */
final class ModelsEndpoint {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 1000;

    private final GatewayContext context;

    ModelsEndpoint(GatewayContext context) {
        this.context = context;
    }

    @JsonPropertyOrder({"data", "has_more", "first_id", "last_id"})
    record ModelList(List<ModelInfo> data, boolean hasMore,
                     @JsonInclude(JsonInclude.Include.ALWAYS) String firstId,
                     @JsonInclude(JsonInclude.Include.ALWAYS) String lastId) {}

    void list(Request request, Response response, Target target) {
        List<ModelInfo> all = models(target);
        Fields query = Request.extractQueryParameters(request);
        int limit = limit(query.getValue("limit"));
        int from = 0;
        int to = all.size();
        String after = query.getValue("after_id");
        String before = query.getValue("before_id");
        if (after != null) {
            from = indexOf(all, after) + 1;
        }
        if (before != null) {
            int at = indexOf(all, before);
            to = at < 0 ? all.size() : at;
            from = Math.max(from, to - limit);
        }
        from = Math.min(from, to);
        int end = Math.min(to, from + limit);
        List<ModelInfo> page = all.subList(from, end);
        boolean hasMore = before != null ? from > 0 : end < to;
        Replies.json(new JettyResponse(response), 200, new ModelList(page, hasMore,
                page.isEmpty() ? null : page.getFirst().id(), page.isEmpty() ? null : page.getLast().id()));
    }

    void one(Response response, Target target, String id, String requestId) {
        for (ModelInfo model : models(target)) {
            if (model.id().equals(id)) {
                Replies.json(new JettyResponse(response), 200, model);
                return;
            }
        }
        Replies.error(new JettyResponse(response), ApiError.notFound("model '" + id + "' is not offered by target '"
                + target.displayName() + "'"), requestId);
    }

    List<ModelInfo> models(Target target) {
        Map<String, ModelInfo> byId = new LinkedHashMap<>();
        for (ClaudeModels.ClaudeModel claude : ClaudeModels.OFFERED) {
            ResolvedModel model = context.router().resolve(target, claude.id());
            byId.put(claude.id(), ModelInfo.of(claude.id(), claude.displayName() + " (via " + model.upstream() + ")",
                    claude.tier().name().toLowerCase(Locale.ROOT), model.capabilities(), target.apiMode()));
        }
        List<String> own = new ArrayList<>();
        own.add(target.model());
        own.add(target.tiers().opus());
        own.add(target.tiers().sonnet());
        own.add(target.tiers().haiku());
        own.addAll(target.models());
        for (String id : own) {
            if (id != null && !id.isBlank() && !byId.containsKey(id)) {
                byId.put(id, ModelInfo.of(id, id + " (" + target.displayName() + ")", null,
                        context.router().resolve(target, id).capabilities(), target.apiMode()));
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static int indexOf(List<ModelInfo> models, String id) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }
}
