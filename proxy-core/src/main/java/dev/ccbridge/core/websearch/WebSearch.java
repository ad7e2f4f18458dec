package dev.ccbridge.core.websearch;

import dev.ccbridge.core.protocol.anthropic.MessagesRequest;
import dev.ccbridge.core.protocol.anthropic.WebSearchTool;
import dev.ccbridge.core.secrets.SecretStore;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.NativeWebSearch;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.upstream.http.HttpTransport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Web search on any target. When a request offers Anthropic's web search tool, this decides who
 * runs the searches ({@link #plan}): the target's provider where it has its own search, else the
 * backend configured ({@link SearchSettings}), else nobody, and then the model is told why. A
 * target's {@code webSearch} option narrows the choice.
 */
public final class WebSearch {
    static final String SET_UP = "set one up with `ccbridge search set --backend brave` (or tavily, exa, searxng),"
            + " or in the app's Web search tab";

    private final HttpTransport transport;
    private final SecretStore secrets;
    private final Map<String, String> env;

    public WebSearch(HttpTransport transport, SecretStore secrets) {
        this(transport, secrets, System.getenv());
    }

    public WebSearch(HttpTransport transport, SecretStore secrets, Map<String, String> env) {
        this.transport = transport;
        this.secrets = secrets;
        this.env = env;
    }

    public WebSearchPlan plan(MessagesRequest request, Target target, GatewayConfig config) {
        if (target.apiMode() == ApiMode.ANTHROPIC_MESSAGES) {
            return new WebSearchPlan.Relayed();
        }
        return WebSearchTool.in(request.tools()).map(tool -> plan(tool, target, config))
                .orElseGet(WebSearchPlan.NotAsked::new);
    }

    /** Who would run {@code tool}'s searches for {@code target}. */
    public WebSearchPlan plan(WebSearchTool tool, Target target, GatewayConfig config) {
        if (target.apiMode() == ApiMode.ANTHROPIC_MESSAGES) {
            return new WebSearchPlan.Relayed();
        }
        Optional<NativeWebSearch> own = NativeWebSearch.of(target);
        return switch (target.options().webSearchMode()) {
            case OFF -> new WebSearchPlan.Answered(tool, new NoSearch("web search is turned off for target '"
                    + target.displayName() + "' (its webSearch option)"));
            case NATIVE -> own.<WebSearchPlan>map(provider -> new WebSearchPlan.Native(provider, tool))
                    .orElseGet(() -> new WebSearchPlan.Answered(tool, new NoSearch("target '" + target.displayName()
                            + "' has no web search of its own, and its webSearch option allows no other")));
            case BACKEND -> new WebSearchPlan.Answered(tool, searcher(SearchSettings.of(config)));
            case AUTO -> auto(tool, own, searcher(SearchSettings.of(config)));
        };
    }

    /**
     * The provider's own search where it has one, except where it would ignore blocked domains
     * (OpenAI's search takes only allowed ones) and a configured backend can honour them.
     */
    private static WebSearchPlan auto(WebSearchTool tool, Optional<NativeWebSearch> own, Searcher backend) {
        boolean blocksIgnored = own.orElse(null) == NativeWebSearch.RESPONSES && !tool.blockedDomains().isEmpty();
        if (own.isPresent() && !(blocksIgnored && backend instanceof BackendSearch)) {
            return new WebSearchPlan.Native(own.get(), tool);
        }
        return new WebSearchPlan.Answered(tool, backend);
    }

    /** The configured backend, ready to search, or why it cannot. */
    public Searcher searcher(SearchSettings settings) {
        SearchBackend backend = settings.backend();
        if (backend == null) {
            return new NoSearch("ccbridge has no search backend configured: " + SET_UP);
        }
        if (settings.endpoint() == null) {
            return new NoSearch(backend.displayName() + " needs the base URL of your instance: `ccbridge search set"
                    + " --backend " + backend.id() + " --base-url URL`");
        }
        Optional<String> key = key(settings);
        if (key.isEmpty() && backend.needsKey()) {
            return new NoSearch(backend.displayName() + " needs an API key: " + whereToPutKey(settings));
        }
        return new BackendSearch(settings, key, transport);
    }

    /** The backend's key: the environment variable it names, else the key store. */
    public Optional<String> key(SearchSettings settings) {
        return foundKey(settings).map(FoundKey::value);
    }

    /** Where the backend's key was found, for the user: "$BRAVE_API_KEY", "OS keychain". */
    public Optional<String> keySource(SearchSettings settings) {
        return foundKey(settings).map(FoundKey::source);
    }

    private record FoundKey(String value, String source) {}

    private Optional<FoundKey> foundKey(SearchSettings settings) {
        String variable = settings.keyVariable();
        if (variable != null) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(new FoundKey(value.strip(), "$" + variable));
            }
        }
        return settings.backend() == null ? Optional.empty()
                : secrets.get(settings.secretAccount()).filter(key -> !key.isBlank())
                        .map(key -> new FoundKey(key, secrets.name()));
    }

    /** Keeps the backend's key in the key store (the OS keychain in the app). */
    public void storeKey(SearchSettings settings, String key) {
        secrets.put(settings.secretAccount(), key);
    }

    /** Who searches for each target, as configured now. */
    public Map<Target, WebSearchPlan> plans(GatewayConfig config) {
        Map<Target, WebSearchPlan> plans = new LinkedHashMap<>();
        config.targets().forEach(target -> plans.put(target, plan(WebSearchTool.CLAUDE_CODE, target, config)));
        return plans;
    }

    /** Where the user can put the backend's key, for messages. */
    public String whereToPutKey(SearchSettings settings) {
        String variable = settings.keyVariable();
        return (variable != null ? "set " + variable + ", or " : "") + "store it with `ccbridge search key`"
                + " (or in the app's Web search tab)";
    }
}
