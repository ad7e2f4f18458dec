package dev.ccbridge.app.log;

import dev.ccbridge.app.targets.ModeNames;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.protocol.anthropic.Usage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a request's fields read in the table and the detail pane (and what the filter searches). */
public final class LogFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** How a request ended, as the status column colours it. */
    public enum Outcome { RUNNING, OK, FAILED, CANCELLED }

    private LogFormat() {}

    public static String time(RequestRecord r) {
        return TIME.format(r.startedAt());
    }

    /** The target's name; "refused" for a request ccbridge refused before choosing one. */
    public static String target(RequestRecord r) {
        if (r.routing().targetName() != null) {
            return r.routing().targetName();
        }
        return r.targetId() != null ? r.targetId() : r.rejection().isPresent() ? "refused" : "?";
    }

    public static String models(RequestRecord r) {
        if (r.routing().requestedModel() == null && r.routing().upstreamModel() == null) {
            return ""; // refused before its body was read
        }
        String requested = r.routing().requestedModel() == null ? "?" : r.routing().requestedModel();
        String upstream = r.routing().upstreamModel() == null ? "?" : r.routing().upstreamModel();
        return requested.equals(upstream) ? requested : requested + " \u2192 " + upstream;
    }

    public static String status(RequestRecord r) {
        return r.ending().map(ended -> String.valueOf(ended.status())).orElse("\u2026");
    }

    public static Outcome outcome(RequestRecord r) {
        return switch (r.outcome()) {
            case RequestRecord.InFlight() -> Outcome.RUNNING;
            case RequestRecord.Completed done when done.abandoned() -> Outcome.CANCELLED;
            case RequestRecord.Completed done -> done.failed() ? Outcome.FAILED : Outcome.OK;
            case RequestRecord.Rejected _ -> Outcome.FAILED;
        };
    }

    public static String stream(RequestRecord r) {
        return r.stream() ? "stream" : "json";
    }

    /** The API mode's short name and how the answer came: "Chat · stream". */
    public static String mode(RequestRecord r) {
        if (r.rejection().isPresent()) {
            return ""; // refused before any target's mode applied
        }
        return ModeNames.brief(r.routing().apiMode()) + " \u00b7 " + stream(r);
    }

    /** Why it went to another target than Claude Code addressed: "routed: image -> openai (gpt-5.5)". */
    public static Optional<String> routed(RequestRecord r) {
        return Optional.ofNullable(r.routing().routedBy()).map(reason -> "routed: " + reason);
    }

    public static String firstToken(RequestRecord r) {
        return millis(r.completion().map(RequestRecord.Completed::firstTokenMillis).orElse(null));
    }

    public static String duration(RequestRecord r) {
        return millis(r.completion().map(RequestRecord.Completed::durationMillis).orElse(null));
    }

    /** The tokens of a finished, complete answer; null otherwise. */
    public static Usage usage(RequestRecord r) {
        return r.completion().map(RequestRecord.Completed::usage).orElse(null);
    }

    public static String millis(Long millis) {
        if (millis == null) {
            return "";
        }
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Prompt tokens in total (cache reads and writes included), as the provider reported them. */
    public static String inputTokens(RequestRecord r) {
        return usage(r) == null ? "" : count(usage(r).promptTotal());
    }

    public static String outputTokens(RequestRecord r) {
        return usage(r) == null ? "" : count(usage(r).outputTokens());
    }

    /** Cache reads / cache writes, blank when the prompt cache was not used. */
    public static String cacheTokens(RequestRecord r) {
        Usage u = usage(r);
        if (u == null || u.cacheReadInputTokens() + u.cacheCreationInputTokens() == 0) {
            return "";
        }
        return count(u.cacheReadInputTokens()) + " / " + count(u.cacheCreationInputTokens());
    }

    /** In / out, with cache read / write when used: the detail line's form. */
    public static String tokens(RequestRecord r) {
        if (usage(r) == null) {
            return "";
        }
        String cache = cacheTokens(r);
        return inputTokens(r) + " / " + outputTokens(r) + (cache.isEmpty() ? "" : " (cache read / write " + cache + ")");
    }

    /**
     * The error in words for the table (the type is in the detail); "cancelled by Claude Code" when
     * abandoned; a refusal that came again says how often.
     */
    public static String errorMessage(RequestRecord r) {
        return r.ending().map(ended -> {
            if (ended instanceof RequestRecord.Completed done && done.abandoned()) {
                return "cancelled by Claude Code";
            }
            RequestRecord.Failure failure = ended.failure();
            String message = failure == null ? ""
                    : failure.message() != null ? failure.message() : failure.type() == null ? "" : failure.type();
            return ended instanceof RequestRecord.Rejected rejected && rejected.count() > 1
                    ? "(" + rejected.count() + " times) " + message : message;
        }).orElse("");
    }

    /** Why and how often ccbridge refused a request, what it asked for and who sent it; "" for others. */
    public static String refusal(RequestRecord r) {
        return r.rejection().map(rejected -> "refused (" + rejected.reason().wireName() + "), "
                + rejected.count() + (rejected.count() == 1 ? " time" : " times") + ": "
                + (rejected.endpoint() == null ? "" : rejected.endpoint())
                + (rejected.client() == null ? "" : " from " + rejected.client())).orElse("");
    }

    public static String error(RequestRecord r) {
        RequestRecord.Failure failure = r.ending().map(RequestRecord.Ended::failure).orElse(null);
        if (failure == null) {
            return "";
        }
        return (failure.type() == null ? "" : failure.type() + ": ")
                + (failure.message() == null ? "" : failure.message());
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
        RequestRecord.Routing routing = r.routing();
        return String.join(" ", target(r), String.valueOf(routing.targetId()),
                String.valueOf(routing.requestedModel()), String.valueOf(routing.upstreamModel()),
                String.valueOf(routing.apiMode()), mode(r), status(r), error(r), errorMessage(r),
                routing.addressed().wireName(), routed(r).orElse("")).toLowerCase(Locale.ROOT);
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
