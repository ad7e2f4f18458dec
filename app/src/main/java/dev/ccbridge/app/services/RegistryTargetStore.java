package dev.ccbridge.app.services;

import dev.ccbridge.core.routing.RoutingRules;
import dev.ccbridge.core.target.RoutingRule;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.util.List;
import java.util.Optional;

/** The app's {@link TargetStore}: the core's registry, which writes the config file on each change. */
public record RegistryTargetStore(TargetRegistry registry) implements TargetStore {
    @Override
    public List<Target> targets() {
        return registry.targets();
    }

    @Override
    public Optional<Target> byId(String id) {
        return registry.byId(id);
    }

    @Override
    public Optional<Target> active() {
        return registry.active();
    }

    @Override
    public String activeId() {
        return registry.config().activeTarget();
    }

    @Override
    public String installToken() {
        return registry.installToken();
    }

    @Override
    public void onChange(Runnable listener) {
        registry.addListener(config -> listener.run());
    }

    @Override
    public Target add(Target target) {
        return registry.put(target);
    }

    @Override
    public Target replace(String id, Target target) {
        return registry.replace(id, target);
    }

    @Override
    public void remove(String id) {
        registry.remove(id);
    }

    @Override
    public void activate(String id) {
        registry.activate(id);
    }

    @Override
    public void move(String id, int newIndex) {
        registry.move(id, newIndex);
    }

    @Override
    public List<RoutingRules.Placed> routingRules() {
        return new RoutingRules(registry).all();
    }

    @Override
    public RoutingRules.Placed addRoutingRule(String forTarget, RoutingRule rule) {
        return new RoutingRules(registry).add(forTarget, rule);
    }

    @Override
    public RoutingRules.Placed removeRoutingRule(String forTarget, int number) {
        return new RoutingRules(registry).remove(forTarget, number);
    }
}
