package dev.ccbridge.core.cli;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.server.PortInUseException;
import dev.ccbridge.core.server.GatewayServer;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.client.GatewayClient;
import dev.ccbridge.core.target.Target;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccbridge test [ID]}: one tiny real request to a target, through the whole gateway. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Send one tiny request to a target and print the latency or the error.")
final class TestCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "Target id (default: the active target).")
    String id;

    @Override
    public Integer call() throws PortInUseException {
        CliContext cli = parent.context();
        Target target = (id == null ? cli.registry().active() : cli.registry().byId(id)).orElse(null);
        if (target == null) {
            spec.commandLine().getErr().println("ccbridge: " + (id == null ? "no active target" : "no target '" + id + "'"));
            return 1;
        }
        // A private gateway on a free port, so the test works whether or not ccbridge is running.
        try (var server = new GatewayServer(GatewayContext.standard(cli.registry(), cli.keyStorage().store(),
                new RequestLog()),
                ServerSettings.onPort(0))) {
            server.start();
            GatewayClient.Check result = new GatewayClient(server.baseUrl()).check(target, Duration.ofSeconds(120));
            spec.commandLine().getOut().println(target.displayName() + " (" + target.model() + "): " + result.describe());
            return result.ok() ? 0 : 1;
        }
    }
}
