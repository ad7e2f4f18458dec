package dev.ccbridge.app.log;

import dev.ccbridge.app.targets.ModeNames;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a request's fields read in the table (and what the filter searches). */
public final class LogFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** The status the gateway records when Claude Code closed the connection before the answer ended. */
    public static final int CLIENT_CLOSED = 499;

    /** How a request ended, as the status column colours it. */
    public enum Outcome { RUNNING, OK, FAILED, CANCELLED }

    private LogFormat() {}

    public static String time(RequestRecord r) {
        return TIME.format(r.startedAt());
    }

    public static String target(RequestRecord r) {
        return r.targetName() == null ? String.valueOf(r.targetId()) : r.targetName();
    }

    public static String models(RequestRecord r) {
        String requested = r.requestedModel() == null ? "?" : r.requestedModel();
        String upstream = r.upstreamModel() == null ? "?" : r.upstreamModel();
        return requested.equals(upstream) ? requested : requested + " \u2192 " + upstream;
    }

    public static String status(RequestRecord r) {
        return r.inFlight() ? "\u2026" : String.valueOf(r.status());
    }

    public static Outcome outcome(RequestRecord r) {
        if (r.inFlight()) {
            return Outcome.RUNNING;
        }
        if (r.status() == CLIENT_CLOSED) {
            return Outcome.CANCELLED;
        }
        return r.failed() ? Outcome.FAILED : Outcome.OK;
    }

    public static String stream(RequestRecord r) {
        return r.stream() ? "stream" : "json";
    }

    /** The API mode's short name and how the answer came: "Chat · stream". */
    public static String mode(RequestRecord r) {
        return ModeNames.brief(r.apiMode()) + " \u00b7 " + stream(r);
    }

    public static String millis(Long millis) {
        if (millis == null) {
            return "";
        }
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Prompt tokens in total (cache reads and writes included), as the provider reported them. */
    public static String inputTokens(RequestRecord r) {
        return r.usage() == null ? "" : count(r.usage().promptTotal());
    }

    public static String outputTokens(RequestRecord r) {
        return r.usage() == null ? "" : count(r.usage().outputTokens());
    }

    /** Cache reads / cache writes, blank when the prompt cache was not used. */
    public static String cacheTokens(RequestRecord r) {
        Usage u = r.usage();
        if (u == null || u.cacheReadInputTokens() + u.cacheCreationInputTokens() == 0) {
            return "";
        }
        return count(u.cacheReadInputTokens()) + " / " + count(u.cacheCreationInputTokens());
    }

    /** In / out, with cache read / write when used: the detail line's form. */
    public static String tokens(RequestRecord r) {
        if (r.usage() == null) {
            return "";
        }
        String cache = cacheTokens(r);
        return inputTokens(r) + " / " + outputTokens(r) + (cache.isEmpty() ? "" : " (cache read / write " + cache + ")");
    }

    /** The error in words for the table (the type is in the detail); "cancelled by Claude Code" for 499. */
    public static String errorMessage(RequestRecord r) {
        if (r.status() == CLIENT_CLOSED) {
            return "cancelled by Claude Code";
        }
        return r.errorMessage() != null ? r.errorMessage() : r.errorType() == null ? "" : r.errorType();
    }

    public static String error(RequestRecord r) {
        if (r.errorType() == null && r.errorMessage() == null) {
            return "";
        }
        return (r.errorType() == null ? "" : r.errorType() + ": ") + (r.errorMessage() == null ? "" : r.errorMessage());
    }

    public static String count(long n) {
        if (n < 10_000) {
            return String.valueOf(n);
        }
        return n < 1_000_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0)
                : String.format(Locale.ROOT, "%.2fM", n / 1_000_000.0);
    }

    /** Everything the filter box matches against, lower case. */
    public static String searchable(RequestRecord r) {
        return String.join(" ", target(r), String.valueOf(r.targetId()), String.valueOf(r.requestedModel()),
                String.valueOf(r.upstreamModel()), String.valueOf(r.apiMode()), mode(r), status(r), error(r),
                errorMessage(r), String.valueOf(r.route())).toLowerCase(Locale.ROOT);
    }

    /** The tries of a request that failed over, in order: "a 503 (overloaded) 40 ms → b 200 1.2 s". */
    public static String attempts(RequestRecord r) {
        return r.attempts().stream().map(attempt -> {
            if (attempt.status() == 0) {
                return attempt.targetId() + " " + attempt.error(); // "skipped: why"
            }
            String error = attempt.error() == null ? "" : " (" + attempt.error() + ")";
            return attempt.targetId() + " " + attempt.status() + error + " " + millis(attempt.millis());
        }).collect(Collectors.joining(" \u2192 "));
    }
}
