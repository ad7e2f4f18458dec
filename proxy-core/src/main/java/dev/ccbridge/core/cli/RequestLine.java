package dev.ccbridge.core.cli;

import dev.ccbridge.core.log.RequestRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one line {@code serve} prints per finished request: time, status, target, models, stream or
 * JSON, duration, tokens; then the tries when there were several, and the error when it failed.
 * <pre>14:02:07  200  deepseek  claude-sonnet-4-6 -> deepseek-v4-pro  stream  2.4 s  in 1200 out 85</pre>
 */
final class RequestLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private RequestLine() {}

    static String of(RequestRecord r) {
        var line = new StringBuilder()
                .append(TIME.format(r.startedAt())).append("  ")
                .append(r.status()).append("  ")
                .append(r.targetId()).append("  ")
                .append(r.requestedModel()).append(" -> ").append(r.upstreamModel())
                .append(r.stream() ? "  stream" : "  json")
                .append(String.format(Locale.ROOT, "  %.1f s", (r.durationMillis() == null ? 0 : r.durationMillis()) / 1000.0));
        if (r.usage() != null) {
            line.append("  in ").append(r.usage().promptTotal()).append(" out ").append(r.usage().outputTokens());
        }
        if (r.attempts().size() > 1) {
            line.append("  tries: ").append(r.attempts().stream()
                    .map(a -> a.targetId() + " " + (a.status() == 0 ? "skipped" : String.valueOf(a.status())))
                    .collect(Collectors.joining(", ")));
        }
        if (r.errorMessage() != null) {
            line.append("  ").append(r.errorType()).append(": ").append(r.errorMessage());
        }
        return line.toString();
    }
}
