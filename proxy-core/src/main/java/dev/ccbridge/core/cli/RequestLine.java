package dev.ccbridge.core.cli;

import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.pricing.Usd;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one line {@code serve} prints per finished request (and {@code log} per stored one): time,
 * status, target, models, stream or JSON, duration, tokens, cost; then why it was routed, the tries when
 * there were several, and the error when it failed.
 * <pre>14:02:07  200  deepseek  claude-sonnet-4-6 -> deepseek-v4-pro  stream  2.4 s  in 1200 out 85  $0.001921</pre>
 * (the cost is {@code -} where no price is known).
 * A request ccbridge refused says so, with what was asked, the error (what to do), who sent it and,
 * when it was repeated, how often (the time is the first one's):
 * <pre>
 * 14:02:07  401  rejected  POST /v1/messages  authentication_error: wrong token: ...  from curl/8.5  x4 (last 14:02:31)
 * </pre>
 */
final class RequestLine {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private RequestLine() {}

    static String of(RequestRecord r) {
        return of(r, TIME);
    }

    static String of(RequestRecord r, DateTimeFormatter time) {
        var line = new StringBuilder(time.format(r.startedAt())).append("  ");
        switch (r.outcome()) {
            case RequestRecord.Completed done -> answered(line, r, done);
            case RequestRecord.Rejected rejected -> rejected(line, r, rejected, time);
            case RequestRecord.InFlight _ -> line.append("...  ").append(r.targetId()).append("  ")
                    .append(r.routing().requestedModel()).append("  running");
        }
        return line.toString();
    }

    private static void answered(StringBuilder line, RequestRecord r, RequestRecord.Completed done) {
        RequestRecord.Routing routing = r.routing();
        line.append(done.status()).append("  ")
                .append(routing.targetId()).append("  ")
                .append(routing.requestedModel())
                .append(routing.upstreamModel() == null ? "" : " -> " + routing.upstreamModel())
                .append(r.stream() ? "  stream" : "  json")
                .append(String.format(Locale.ROOT, "  %.1f s", done.durationMillis() / 1000.0));
        if (done.usage() != null) {
            line.append("  in ").append(done.usage().promptTotal()).append(" out ").append(done.usage().outputTokens())
                    .append("  ").append(Usd.format(done.costUsd()));
        }
        if (routing.routedBy() != null) {
            line.append("  routed: ").append(routing.routedBy());
        }
        if (r.attempts().size() > 1) {
            line.append("  tries: ").append(r.attempts().stream()
                    .map(a -> a.targetId() + " " + (a.status() == 0 ? "skipped" : String.valueOf(a.status())))
                    .collect(Collectors.joining(", ")));
        }
        failure(line, done.failure());
    }

    private static void rejected(StringBuilder line, RequestRecord r, RequestRecord.Rejected rejected,
                                 DateTimeFormatter time) {
        line.append(rejected.status()).append("  rejected  ");
        if (r.routing().hasTarget()) {
            line.append(r.targetId()).append("  ");
        }
        line.append(rejected.endpoint());
        failure(line, rejected.failure());
        if (rejected.client() != null) {
            line.append("  from ").append(rejected.client());
        }
        if (rejected.count() > 1) {
            line.append("  x").append(rejected.count()).append(" (last ").append(time.format(rejected.lastAt()))
                    .append(')');
        }
    }

    private static void failure(StringBuilder line, RequestRecord.Failure failure) {
        if (failure != null) {
            line.append("  ").append(failure.type()).append(": ").append(failure.message());
        }
    }
}
