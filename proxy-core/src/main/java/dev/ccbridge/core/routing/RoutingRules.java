package dev.ccbridge.core.routing;

import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The routing rules as the front ends edit them (the app's Routing tab, {@code ccbridge routing}):
 * each target's own rules (tried first), then the global ones, numbered from 1 within their scope.
 * Changes are written to the config file through the registry.
 */
public final class RoutingRules {
    /**
     * One rule where it stands.
     *
     * @param forTarget the target whose own rule it is, or null for a global rule
     * @param number    its place in its scope, from 1
     */
    public record Placed(String forTarget, int number, RoutingRule rule) {
        /** "global" or "target deepseek", as lists and messages name the scope. */
        public String scope() {
            return scopeName(forTarget);
        }
    }

    private final TargetRegistry registry;

    public RoutingRules(TargetRegistry registry) {
        this.registry = registry;
    }

    /** Every rule: each target's own in the targets' order, then the global ones. */
    public List<Placed> all() {
        List<Placed> placed = new ArrayList<>();
        for (Target target : registry.targets()) {
            number(target.id(), target.routing(), placed);
        }
        number(null, registry.config().routing(), placed);
        return placed;
    }

    /**
     * Adds {@code rule} at the end of its scope.
     *
     * @param forTarget a target's id for one of its own rules, or null for a global rule
     * @throws IllegalArgumentException when the rule's kind is unknown or a target it names does not exist
     */
    public Placed add(String forTarget, RoutingRule rule) {
        if (rule.when() == null || rule.when() == RoutingRule.Condition.UNKNOWN) {
            throw new IllegalArgumentException("a rule needs one of: " + conditions());
        }
        if (rule.to() == null || registry.byId(rule.to()).isEmpty()) {
            throw new IllegalArgumentException("no target '" + rule.to() + "' (see: ccbridge targets list)");
        }
        if (rule.above() != null && rule.above() <= 0) {
            throw new IllegalArgumentException("a context size is a number of tokens above 0");
        }
        List<RoutingRule> rules = new ArrayList<>(rulesOf(forTarget));
        rules.add(rule);
        save(forTarget, rules);
        return new Placed(forTarget, rules.size(), rule);
    }

    /** Removes rule {@code number} (from 1) of its scope; the rule removed, where it stood. */
    public Placed remove(String forTarget, int number) {
        List<RoutingRule> rules = new ArrayList<>(rulesOf(forTarget));
        if (number < 1 || number > rules.size()) {
            throw new IllegalArgumentException("the " + scopeName(forTarget) + " rules have no #" + number
                    + " (see: ccbridge routing list)");
        }
        RoutingRule removed = rules.remove(number - 1);
        save(forTarget, rules);
        return new Placed(forTarget, number, removed);
    }

    /** The kinds a rule may have, as the config file names them. */
    public static String conditions() {
        return String.join(", ", Arrays.stream(RoutingRule.Condition.values())
                .filter(condition -> condition != RoutingRule.Condition.UNKNOWN)
                .map(RoutingRule.Condition::wireName).toList());
    }

    private List<RoutingRule> rulesOf(String forTarget) {
        return forTarget == null ? registry.config().routing() : target(forTarget).routing();
    }

    private void save(String forTarget, List<RoutingRule> rules) {
        if (forTarget == null) {
            registry.setRouting(rules);
        } else {
            registry.replace(forTarget, target(forTarget).toBuilder().routing(rules).build());
        }
    }

    private Target target(String id) {
        return registry.byId(id).orElseThrow(() -> new IllegalArgumentException("no target '" + id + "'"));
    }

    private static void number(String forTarget, List<RoutingRule> rules, List<Placed> into) {
        for (int i = 0; i < rules.size(); i++) {
            into.add(new Placed(forTarget, i + 1, rules.get(i)));
        }
    }

    private static String scopeName(String forTarget) {
        return forTarget == null ? "global" : "target " + forTarget;
    }
}
