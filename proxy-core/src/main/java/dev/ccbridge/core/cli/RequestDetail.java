package dev.ccbridge.core.cli;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.pricing.Usd;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.util.Locale;
import java.util.stream.Collectors;

/** A stored request in full, as {@code ccbridge log show} prints it before the bodies: one fact a line. */
final class RequestDetail {
    private RequestDetail() {}

    static String of(RequestRecord r) {
        var out = new StringBuilder();
        field(out, "id", r.id());
        field(out, "time", RequestLine.DATE_TIME.format(r.startedAt()));
        RequestRecord.Routing routing = r.routing();
        String url = routing.addressed() == RequestRecord.Addressed.PINNED ? "its own URL" : "the root URL";
        field(out, "target", routing.hasTarget()
                ? routing.targetName() + " [" + routing.targetId() + "], " + routing.apiMode() + ", through " + url
                : "none (refused before a target was chosen), through " + url);
        if (routing.requestedModel() != null) {
            field(out, "model", routing.requestedModel() + " -> " + routing.upstreamModel());
        }
        if (routing.routedBy() != null) {
            field(out, "routed", routing.routedBy());
        }
        switch (r.outcome()) {
            case RequestRecord.Completed done -> answered(out, r, done);
            case RequestRecord.Rejected rejected -> rejected(out, rejected);
            case RequestRecord.InFlight _ -> field(out, "status", "running");
        }
        return out.toString();
    }

    private static void answered(StringBuilder out, RequestRecord r, RequestRecord.Completed done) {
        field(out, "status", done.status() + ", " + (r.stream() ? "stream" : "json")
                + (done.firstTokenMillis() == null ? "" : ", first token " + millis(done.firstTokenMillis()))
                + ", total " + millis(done.durationMillis()));
        Usage usage = done.usage();
        if (usage != null) {
            field(out, "tokens", "in " + usage.promptTotal() + " (cache read " + usage.cacheReadInputTokens()
                    + ", cache write " + usage.cacheCreationInputTokens() + "), out " + usage.outputTokens());
            field(out, "cost", done.costUsd() == null ? "- (no price known for this model; see docs/cost.md)"
                    : Usd.format(done.costUsd()) + " (US$)");
        }
        if (r.attempts().size() > 1) {
            field(out, "tries", r.attempts().stream().map(a -> a.targetId() + " "
                            + (a.status() == 0 ? "skipped" : a.status() + " " + millis(a.millis()))
                            + (a.error() == null ? "" : " (" + a.error() + ")"))
                    .collect(Collectors.joining(" -> ")));
        }
        if (done.failure() != null) {
            field(out, "error", done.failure().type() + ": " + done.failure().message());
        }
    }

    private static void rejected(StringBuilder out, RequestRecord.Rejected rejected) {
        field(out, "status", rejected.status() + ", refused by ccbridge (" + rejected.reason().wireName()
                + "): no provider saw it");
        field(out, "asked", rejected.endpoint() + (rejected.client() == null ? "" : " from " + rejected.client()));
        if (rejected.count() > 1) {
            field(out, "repeated", rejected.count() + " times, the last at "
                    + RequestLine.DATE_TIME.format(rejected.lastAt()));
        }
        field(out, "error", rejected.failure().type() + ": " + rejected.failure().message());
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-10s%s%n", name + ":", value));
    }

    private static String millis(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
