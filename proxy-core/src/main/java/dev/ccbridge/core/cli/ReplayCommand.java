package dev.ccbridge.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.client.AnswerText;
import dev.ccbridge.core.client.GatewayClient;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.log.HistoryRecorder;
import dev.ccbridge.core.log.Redactor;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.server.GatewayServer;
import dev.ccbridge.core.server.PortInUseException;
import dev.ccbridge.core.server.ServerSettings;
import dev.ccbridge.core.target.Target;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccbridge replay ID --target OTHER}: sends a stored request again, to another target,
 * through a private gateway (as {@code test} does), so two providers' answers to the same real
 * prompt can be compared; the replay is kept in the history too, like the app's Replay.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = {
        "Send a request from the history again, to another target, and print its answer.",
        "It is sent without streaming, through the target's own URL on a private gateway."})
final class ReplayCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @CommandLine.ParentCommand
    CcbridgeCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The request's id as ccbridge log prints it (its start is enough).")
    String id;

    @Option(names = "--target", paramLabel = "OTHER", required = true, description = "The target to send it to.")
    String targetId;

    @Override
    public Integer call() throws PortInUseException {
        CliContext cli = parent.context();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Target> target = cli.registry().byId(targetId);
        if (target.isEmpty()) {
            err.println("ccbridge: no target '" + targetId + "'");
            return 1;
        }
        RequestRecord original = LogCommand.find(cli, id, err);
        if (original == null) {
            return 1;
        }
        JsonNode body = original.requestBody() == null ? null
                : Json.parseOrNull(new String(original.requestBody(), StandardCharsets.UTF_8));
        if (!(body instanceof ObjectNode request)) {
            err.println("ccbridge: the request body of " + original.id() + " is not kept (or not JSON), so it cannot "
                    + "be sent again");
            return 1;
        }
        request.put("stream", false);
        cli.keys(); // opened now, so the output redacts the keys too
        Redactor redactor = cli.redactor();
        out.println(redactor.redact("original  " + original.id() + "  "
                + RequestLine.of(original, RequestLine.DATE_TIME)));
        out.flush();
        RequestRecord replayed = send(cli, target.get(), request);
        out.println(redactor.redact("replay    " + replayed.id() + "  "
                + RequestLine.of(replayed, RequestLine.DATE_TIME)));
        out.println();
        String answer = AnswerText.of(Json.parseOrNull(replayed.responseBody()));
        out.println(redactor.redact(answer.isBlank() ? "(no text in the answer)" : answer.strip()));
        return replayed.failed() ? 1 : 0;
    }

    /** Sends it through a private gateway whose log the history records; the replay's record. */
    private RequestRecord send(CliContext cli, Target target, ObjectNode request) throws PortInUseException {
        var log = new RequestLog();
        var context = GatewayContext.standard(cli.registry(), cli.keyStorage().store(), log);
        try (var server = new GatewayServer(context, ServerSettings.onPort(0));
             var recorder = new HistoryRecorder(log, cli.history())) {
            server.start();
            GatewayClient.Reply reply = new GatewayClient(server.baseUrl()).send(target, Json.bytes(request), TIMEOUT);
            return log.snapshot().stream().filter(r -> !r.inFlight()).reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException(reply.errorMessage()));
        }
    }
}
