package dev.ccbridge.app.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.services.History;
import dev.ccbridge.app.services.RegistryTargetStore;
import dev.ccbridge.app.services.TargetStore;
import dev.ccbridge.app.targets.Pricing;
import dev.ccbridge.app.testing.TestUi;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.log.UsageReport;
import dev.ccbridge.core.pricing.Costs;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UsageViewModelTest {
    @RegisterExtension
    final TestUi ui = new TestUi();

    @TempDir
    Path dir;

    @Test
    void totalsPerTargetAndDayWithTheCostTheGatewayRecorded() {
        var registry = new TargetRegistry(new GatewayConfig(1, 0, null, null, List.of(), null), null);
        Target priced = registry.put(new Pricing(0.28, 0.42, 0.028, null).applyTo(target("DeepSeek", "deepseek-chat")));
        Target unpriced = registry.put(target("Local", "qwen3"));
        try (var store = RequestStore.open(dir.resolve("h.db"), RequestStore.Retention.DEFAULT)) {
            store.save(done("1", priced, 200, new Usage(1_000_000, 500_000, 0, 2_000_000)));
            store.save(done("2", priced, 429, null));
            store.save(done("3", unpriced, 200, new Usage(100, 10, 0, 0)));
            store.save(done("4", unpriced, 499, new Usage(900, 1, 0, 0)));
            UsageViewModel vm = viewModel(store, registry);

            ui.act(vm::refresh);

            assertThat(vm.byTarget()).hasSize(3);
            UsageReport.Line deepseek = vm.byTarget().getFirst();
            assertThat(deepseek.target()).isEqualTo("DeepSeek");
            assertThat(deepseek.requests()).isEqualTo(2);
            assertThat(deepseek.errors()).isEqualTo(1);
            // 1M in * 0.28 + 0.5M out * 0.42 + 2M cache read * 0.028
            assertThat(deepseek.costUsd()).isCloseTo(0.546, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(deepseek.costText()).isEqualTo("$0.5460");
            UsageReport.Line local = vm.byTarget().get(1);
            assertThat(local.costText()).as("no prices, no cost").isEqualTo("-");
            assertThat(local.requests()).isEqualTo(2);
            assertThat(local.errors()).as("Claude Code abandoned one: not an error").isZero();
            UsageReport.Line total = vm.byTarget().getLast();
            assertThat(total.total()).isTrue();
            assertThat(total.requests()).isEqualTo(4);
            assertThat(total.errors()).isEqualTo(1);
            assertThat(total.inputTokens()).isEqualTo(1_000_000 + 100 + 900);
            assertThat(total.costText()).as("the priced target's, and some requests without a price")
                    .isEqualTo("$0.5460+");
            assertThat(vm.byDay()).hasSize(2).allSatisfy(line -> assertThat(line.day()).isNotNull());
            assertThat(vm.totalsProperty().get()).isEqualTo("4 requests, 1 error in the last 30 days; cost $0.5460+"
                    + " (2 without a known price)");
        }
    }

    @Test
    void withoutAHistoryItSaysSo() {
        var registry = new TargetRegistry(new GatewayConfig(1, 0, null, null, List.of(), null), null);
        UsageViewModel vm = viewModel(null, registry);
        ui.act(vm::refresh);
        assertThat(vm.byTarget()).isEmpty();
        assertThat(vm.totalsProperty().get()).isEqualTo("Usage is not available: the history could not be opened.");
    }

    private UsageViewModel viewModel(RequestStore store, TargetRegistry registry) {
        History history = ui.guard().guard(History.class, History.of(store));
        TargetStore targets = ui.guard().guard(TargetStore.class, new RegistryTargetStore(registry));
        return ui.call(() -> new UsageViewModel(history, targets, ui.executor()));
    }

    private static Target target(String name, String model) {
        return Target.builder().name(name).provider(name.toLowerCase()).baseUrl("https://example.invalid/v1")
                .model(model).apiMode(ApiMode.CHAT_COMPLETIONS).build();
    }

    /** A request as the gateway records it: its cost at the target's prices over the bundled ones. */
    private static RequestRecord done(String id, Target target, int status, Usage usage) {
        var routing = new RequestRecord.Routing(target.id(), target.displayName(), "chat_completions",
                RequestRecord.Addressed.ACTIVE, "claude-sonnet-4-5", target.model());
        var failure = status >= 400 ? new RequestRecord.Failure("rate_limit_error", null) : null;
        return new RequestRecord(id, Instant.now(), routing, true,
                new RequestRecord.Completed(status, failure, 10L, 20L, usage,
                        Costs.builtIn().of(target.provider(), target.pricing(), target.model(), usage).orElse(null)),
                null, null, null);
    }
}
