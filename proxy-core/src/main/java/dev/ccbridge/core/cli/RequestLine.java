package dev.ccbridge.core.cli;

import dev.ccbridge.core.log.RequestRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one line {@code serve} prints per finished request: time, status, target, models, stream or
 * JSON, duration, tokens; then why it was routed, the tries when there were several, and the error
 * when it failed.
 * <pre>14:02:07  200  deepseek  claude-sonnet-4-6 -> deepseek-v4-pro  stream  2.4 s  in 1200 out 85</pre>
 */
final class RequestLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private RequestLine() {}

    /** The line of a finished request (one still in flight has none). */
    static String of(RequestRecord r) {
        RequestRecord.Completed done = r.completion().orElseThrow();
        RequestRecord.Routing routing = r.routing();
        var line = new StringBuilder()
                .append(TIME.format(r.startedAt())).append("  ")
                .append(done.status()).append("  ")
                .append(routing.targetId()).append("  ")
                .append(routing.requestedModel()).append(" -> ").append(routing.upstreamModel())
                .append(r.stream() ? "  stream" : "  json")
                .append(String.format(Locale.ROOT, "  %.1f s", done.durationMillis() / 1000.0));
        if (done.usage() != null) {
            line.append("  in ").append(done.usage().promptTotal()).append(" out ").append(done.usage().outputTokens());
        }
        if (routing.routedBy() != null) {
            line.append("  routed: ").append(routing.routedBy());
        }
        if (r.attempts().size() > 1) {
            line.append("  tries: ").append(r.attempts().stream()
                    .map(a -> a.targetId() + " " + (a.status() == 0 ? "skipped" : String.valueOf(a.status())))
                    .collect(Collectors.joining(", ")));
        }
        if (done.failure() != null) {
            line.append("  ").append(done.failure().type()).append(": ").append(done.failure().message());
        }
        return line.toString();
    }
}
