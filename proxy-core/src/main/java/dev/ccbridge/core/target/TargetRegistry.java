package dev.ccbridge.core.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live set of targets. Reads are lock-free snapshots (every request looks up its target
 * here); changes are serialised, saved through the {@link ConfigStore} and announced to
 * listeners, so switching the active target takes effect on the next request.
 */
public final class TargetRegistry {
    private record Snapshot(GatewayConfig config, Map<String, Target> byRouteKey) {
        static Snapshot of(GatewayConfig config) {
            return new Snapshot(config, config.targets().stream()
                    .collect(Collectors.toUnmodifiableMap(Target::routeKey, Function.identity(), (a, b) -> a)));
        }
    }

    private final ConfigStore store;
    private final List<Consumer<GatewayConfig>> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;

    /** @param store where changes are saved; null keeps them in memory only (tests, one-off runs) */
    public TargetRegistry(GatewayConfig initial, ConfigStore store) {
        this.store = store;
        this.snapshot = Snapshot.of(ConfigStore.complete(initial));
    }

    public GatewayConfig config() {
        return snapshot.config();
    }

    public List<Target> targets() {
        return snapshot.config().targets();
    }

    public Optional<Target> active() {
        return snapshot.config().active();
    }

    public Optional<Target> byId(String id) {
        return snapshot.config().target(id);
    }

    public Optional<Target> byRouteKey(String routeKey) {
        return Optional.ofNullable(snapshot.byRouteKey().get(routeKey));
    }

    public String installToken() {
        return snapshot.config().installToken();
    }

    public void addListener(Consumer<GatewayConfig> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<GatewayConfig> listener) {
        listeners.remove(listener);
    }

    /**
     * Adds a target, or updates the one with the same route key (provider, model, mode, base URL)
     * or the same id, keeping its id and token so URLs handed out before stay valid.
     *
     * @return the stored target, with its id and token
     */
    public synchronized Target put(Target target) {
        GatewayConfig config = config();
        List<Target> targets = new ArrayList<>(config.targets());
        int existing = indexOf(targets, target);
        Target stored;
        if (existing >= 0) {
            Target old = targets.get(existing);
            stored = target.withId(old.id()).withToken(old.token());
            targets.set(existing, stored);
        } else {
            List<String> ids = targets.stream().map(Target::id).toList();
            String base = target.id() != null && !target.id().isBlank()
                    ? target.id() : TargetIds.slug(target.displayNameOr(target.provider()));
            stored = target.withId(TargetIds.unique(base, ids)).withToken(AccessTokens.newToken());
            targets.add(stored);
        }
        String active = config.activeTarget() == null ? stored.id() : config.activeTarget();
        commit(config.withTargets(targets, active));
        return stored;
    }

    /** Replaces the target with this id wholesale (the editor's save); its token is kept. */
    public synchronized Target replace(String id, Target target) {
        GatewayConfig config = config();
        List<Target> targets = new ArrayList<>(config.targets());
        int at = indexOfId(targets, id);
        Target stored = target.withId(id).withToken(targets.get(at).token());
        targets.set(at, stored);
        commit(config.withTargets(targets, config.activeTarget()));
        return stored;
    }

    public synchronized void remove(String id) {
        GatewayConfig config = config();
        List<Target> targets = new ArrayList<>(config.targets());
        targets.remove(indexOfId(targets, id));
        String active = id.equals(config.activeTarget())
                ? (targets.isEmpty() ? null : targets.getFirst().id()) : config.activeTarget();
        commit(config.withTargets(targets, active));
    }

    public synchronized void activate(String id) {
        GatewayConfig config = config();
        indexOfId(config.targets(), id);
        commit(config.withTargets(config.targets(), id));
    }

    /** Moves a target to a new position in the list (the order users see). */
    public synchronized void move(String id, int newIndex) {
        GatewayConfig config = config();
        List<Target> targets = new ArrayList<>(config.targets());
        Target target = targets.remove(indexOfId(targets, id));
        targets.add(Math.max(0, Math.min(newIndex, targets.size())), target);
        commit(config.withTargets(targets, config.activeTarget()));
    }

    /** A new token for one target; the old one stops working at once. */
    public synchronized String rotateToken(String id) {
        GatewayConfig config = config();
        List<Target> targets = new ArrayList<>(config.targets());
        int at = indexOfId(targets, id);
        String token = AccessTokens.newToken();
        targets.set(at, targets.get(at).withToken(token));
        commit(config.withTargets(targets, config.activeTarget()));
        return token;
    }

    public synchronized String rotateInstallToken() {
        String token = AccessTokens.newToken();
        commit(config().withInstallToken(token));
        return token;
    }

    /** The global routing rules (each target's own rules live on the target). */
    public synchronized void setRouting(List<RoutingRule> rules) {
        commit(config().withRouting(rules));
    }

    public synchronized void setPort(int port) {
        commit(config().withPort(port));
    }

    /** Replaces the whole configuration (e.g. settings saved by the app). */
    public synchronized void update(GatewayConfig config) {
        commit(ConfigStore.complete(config));
    }

    /**
     * Takes a configuration changed outside this process (the CLI, an editor): applied and
     * announced, not saved again.
     *
     * @return whether anything changed
     */
    public synchronized boolean reload(GatewayConfig config) {
        if (config.equals(config())) {
            return false;
        }
        snapshot = Snapshot.of(config);
        for (Consumer<GatewayConfig> listener : listeners) {
            listener.accept(config);
        }
        return true;
    }

    /**
     * Re-reads the config file and applies it if another process changed it. Reads under the same
     * lock as this registry's own saves, so a late read of an older save can never undo a newer
     * change made here.
     *
     * @return whether anything changed
     */
    public synchronized boolean reloadFrom(ConfigStore source) {
        return source.tryRead().map(this::reload).orElse(false);
    }

    private void commit(GatewayConfig config) {
        if (store != null) {
            store.save(config);
        }
        snapshot = Snapshot.of(config);
        for (Consumer<GatewayConfig> listener : listeners) {
            listener.accept(config);
        }
    }

    private static int indexOf(List<Target> targets, Target target) {
        String key = target.routeKey();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t.routeKey().equals(key) || (target.id() != null && target.id().equals(t.id()))) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfId(List<Target> targets, String id) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new NoSuchElementException("no target with id '" + id + "'");
    }
}
