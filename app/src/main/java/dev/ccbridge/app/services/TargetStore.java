package dev.ccbridge.app.services;

import dev.ccbridge.core.routing.RoutingRules;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.Target;
import java.util.List;
import java.util.Optional;

/**
 * The configured targets as the views use them: reads from memory (any thread), changes that
 * write the config file ({@link Blocking}).
 */
public interface TargetStore {
    List<Target> targets();

    Optional<Target> byId(String id);

    Optional<Target> active();

    /** The active target's id, or null when there are no targets. */
    String activeId();

    /** The token of the root URL (the active target's route). */
    String installToken();

    /** Runs {@code listener} (on the thread that made the change) after every change, from the app or from outside. */
    void onChange(Runnable listener);

    /** Adds a target; an existing one with the same route or id is updated. @return it as stored (id, token) */
    @Blocking
    Target add(Target target);

    /** Replaces the target with this id (the editor's save); its token is kept. */
    @Blocking
    Target replace(String id, Target target);

    @Blocking
    void remove(String id);

    @Blocking
    void activate(String id);

    @Blocking
    void move(String id, int newIndex);

    /** The routing rules: each target's own (tried first), then the global ones. */
    List<RoutingRules.Placed> routingRules();

    /** Adds a rule at the end of a target's own rules, or of the global ones when {@code forTarget} is null. */
    @Blocking
    RoutingRules.Placed addRoutingRule(String forTarget, RoutingRule rule);

    @Blocking
    RoutingRules.Placed removeRoutingRule(String forTarget, int number);
}
