package dev.ccbridge.app.docs;

import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.log.RequestRecord;
import dev.ccbridge.core.pricing.Costs;
import dev.ccbridge.core.log.RequestStore;
import dev.ccbridge.core.protocol.anthropic.Usage;
import dev.ccbridge.core.target.Target;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * The requests the docs' screenshots show: two weeks of a day's work over three targets (for the
 * usage view) and, this morning, the mix a request log shows (stream and JSON, a reasoning model,
 * a rate limit, a request Claude Code cancelled, one a routing rule sent elsewhere). Seeded, so only the dates change between runs.
 */
final class DemoHistory {
    private static final String REQUEST = """
            {"model":"%s","max_tokens":32000,"stream":%s,"system":[{"type":"text","text":"You are Claude Code, \
            Anthropic's official CLI for Claude."}],"messages":[{"role":"user","content":[{"type":"text","text":\
            "Find where the retry delay is computed and make it respect Retry-After."}]}],"tools":[{"name":"Read",\
            "input_schema":{"type":"object"}},{"name":"Grep","input_schema":{"type":"object"}}]}""";
    private static final String ANSWER = """
            {"id":"msg_01","type":"message","role":"assistant","model":"%s","content":[{"type":"text","text":\
            "I'll search for the retry logic first."},{"type":"tool_use","id":"toolu_01","name":"Grep","input":\
            {"pattern":"retry.*delay"}}],"stop_reason":"tool_use"}""";
    private static final String RATE_LIMITED = "Rate limit reached for requests, please retry after 2s";

    /** @param routedBy why a routing rule sent it to another target than the active one, or null */
    private record Row(Target target, String requested, String upstream, boolean stream, int status, long input,
                       long output, long cacheRead, String routedBy) {
        Row(Target target, String requested, String upstream, boolean stream, int status, long input, long output,
            long cacheRead) {
            this(target, requested, upstream, stream, status, input, output, cacheRead, null);
        }
    }

    private DemoHistory() {}

    /** Saves it all; "this morning" is today at 09:41 UTC. */
    static void fill(RequestStore store, Target deepseek, Target kimi, Target openrouter) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var random = new Random(42);
        int n = 0;
        for (int daysAgo = 13; daysAgo >= 1; daysAgo--) {
            Instant morning = today.minusDays(daysAgo).atTime(9, 0).toInstant(ZoneOffset.UTC);
            int requests = daysAgo % 7 == 5 || daysAgo % 7 == 6 ? 4 : 18 + random.nextInt(20);
            for (int i = 0; i < requests; i++) {
                Target target = i % 5 == 0 ? kimi : i % 7 == 0 ? openrouter : deepseek;
                long input = 8_000 + random.nextInt(24_000);
                int status = random.nextInt(40) == 0 ? 429 : random.nextInt(30) == 0 ? 499 : 200;
                store.save(record("hist_" + n++, morning.plusSeconds(i * 610L), target, "claude-sonnet-4-5",
                        target.model(), true, status, input, 200 + random.nextInt(1_500), input * 3 / 4, null, false));
            }
        }
        Instant t0 = today.atTime(9, 41, 7).toInstant(ZoneOffset.UTC);
        List<Row> morning = List.of(
                new Row(deepseek, "claude-sonnet-4-5", "deepseek-chat", true, 200, 18_342, 412, 15_872),
                new Row(deepseek, "claude-haiku-4-5", "deepseek-chat", false, 200, 512, 18, 0),
                new Row(deepseek, "claude-opus-4-1", "deepseek-reasoner", true, 200, 21_011, 1_630, 17_920),
                new Row(kimi, "claude-sonnet-4-5", "kimi-k2-turbo-preview", true, 200, 19_876, 733, 0),
                new Row(kimi, "claude-sonnet-4-5", "kimi-k2-turbo-preview", true, 429, 0, 0, 0),
                new Row(deepseek, "claude-haiku-4-5", "deepseek-chat", false, 200, 1_203, 25, 0),
                new Row(openrouter, "claude-sonnet-4-5", "openai/gpt-5-mini", true, 200, 23_918, 402, 0,
                        "image -> openrouter (openai/gpt-5-mini)"),
                new Row(openrouter, "claude-sonnet-4-5", "qwen/qwen3-coder", true, 499, 20_450, 310, 0),
                new Row(deepseek, "claude-sonnet-4-5", "deepseek-chat", true, 200, 22_107, 356, 21_504));
        for (int i = 0; i < morning.size(); i++) {
            Row r = morning.get(i);
            store.save(record("req_demo_" + i, t0.plusSeconds(17L * i), r.target, r.requested, r.upstream, r.stream,
                    r.status, r.input, r.output, r.cacheRead, r.routedBy, true));
        }
        // Another terminal's Claude Code with an old token: refused by ccbridge, three times in one row.
        Instant refused = t0.plusSeconds(17L * 5 + 8);
        store.save(RequestRecord.rejected("req_demo_refused", refused, new RequestRecord.Routing(deepseek.id(),
                        deepseek.displayName(), deepseek.apiMode().wireName(), RequestRecord.Addressed.ACTIVE, null, null),
                new RequestRecord.Rejected(RejectionReason.WRONG_TOKEN, 401, new RequestRecord.Failure(
                        "authentication_error", "wrong token: set ANTHROPIC_AUTH_TOKEN to the token ccbridge printed"),
                        "claude-cli/2.1.332 (external, cli)", "POST /v1/messages", 3, refused.plusSeconds(9))));
    }

    /** A request that has just started (its row shows "…"). */
    static RequestRecord running(Target target) {
        Instant now = LocalDate.now(ZoneOffset.UTC).atTime(9, 43, 23).toInstant(ZoneOffset.UTC);
        return RequestRecord.started("req_demo_running", now, new RequestRecord.Routing(target.id(),
                target.displayName(), target.apiMode().wireName(), RequestRecord.Addressed.ACTIVE, "claude-sonnet-4-5",
                target.model()), true, REQUEST.formatted("claude-sonnet-4-5", true).getBytes(StandardCharsets.UTF_8));
    }

    private static RequestRecord record(String id, Instant at, Target target, String requested, String upstream,
                                        boolean stream, int status, long input, long output, long cacheRead,
                                        String routedBy, boolean bodies) {
        boolean limited = status == 429;
        boolean cancelled = status == 499;
        Usage usage = limited ? null : new Usage(input - cacheRead, output, 0, cacheRead);
        long duration = limited ? 221 : 600 + output * 8;
        var routing = new RequestRecord.Routing(target.id(), target.displayName(), target.apiMode().wireName(),
                RequestRecord.Addressed.ACTIVE, requested, upstream, routedBy);
        RequestRecord.Failure failure = limited ? new RequestRecord.Failure("rate_limit_error", RATE_LIMITED)
                : cancelled ? new RequestRecord.Failure("api_error", "the client closed the connection") : null;
        // Its cost as the gateway records it: the target's prices over the bundled ones.
        var done = new RequestRecord.Completed(status, failure, limited || !stream ? null : 380L + output / 2,
                duration, usage, Costs.builtIn().of(target.provider(), target.pricing(), upstream, usage).orElse(null));
        return new RequestRecord(id, at, routing, stream, done,
                bodies ? REQUEST.formatted(requested, stream).getBytes(StandardCharsets.UTF_8) : null,
                !bodies ? null : limited ? "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\""
                        + RATE_LIMITED + "\"}}" : ANSWER.formatted(requested), null);
    }
}
