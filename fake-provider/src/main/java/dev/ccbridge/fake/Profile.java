package dev.ccbridge.fake;

import dev.ccbridge.fake.agent.Agent;
import dev.ccbridge.fake.agent.Conversation;
import dev.ccbridge.fake.agent.TaskAgent;
import dev.ccbridge.fake.agent.Turn;
import dev.ccbridge.fake.rules.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Everything that makes one fake provider: the protocol it speaks and its voice, how it answers
 * (a scripted agent, or a fixed reply), the rules it holds requests to, the key it wants, and a
 * fault to apply to its answers. Immutable; the {@code with...} methods make changed copies.
 *
 * @param requiredKey the API key requests must carry ({@code Authorization: Bearer}, or
 *                    {@code x-api-key}), or null for any
 * @param script      a fixed answer to every request instead of the agent's, or null
 */
public record Profile(String name, Dialect dialect, Voice voice, Agent agent, Function<Received, Reply> script,
                      List<Rule> rules, Fault fault, String requiredKey) {
    public Profile {
        rules = List.copyOf(rules);
    }

    /** A plain provider of this protocol: the marker agent, no rules, no faults. */
    public static Profile of(Dialect dialect) {
        return new Profile(dialect.name().toLowerCase(Locale.ROOT), dialect, dialect.voice(), TaskAgent.MARKER, null,
                List.of(), Fault.NONE, null);
    }

    public Profile named(String newName) {
        return new Profile(newName, dialect, voice, agent, script, rules, fault, requiredKey);
    }

    public Profile speaking(Voice newVoice) {
        return new Profile(name, dialect, newVoice, agent, script, rules, fault, requiredKey);
    }

    public Profile answering(Agent newAgent) {
        return new Profile(name, dialect, voice, newAgent, null, rules, fault, requiredKey);
    }

    /** Every request gets this reply, whatever it asks. */
    public Profile replying(Reply reply) {
        return replying(request -> reply);
    }

    public Profile replying(Function<Received, Reply> newScript) {
        return new Profile(name, dialect, voice, agent, newScript, rules, fault, requiredKey);
    }

    /** The first request gets the first answer, the next the next, the last repeats. */
    public Profile replyingInTurn(List<Function<Received, Reply>> answers) {
        var next = new AtomicInteger();
        return replying(request -> answers.get(Math.min(next.getAndIncrement(), answers.size() - 1)).apply(request));
    }

    public Profile enforcing(List<Rule> more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new Profile(name, dialect, voice, agent, script, all, fault, requiredKey);
    }

    /** The same profile without the named rule (to show what breaks without it). */
    public Profile without(String ruleName) {
        return new Profile(name, dialect, voice, agent, script,
                rules.stream().filter(rule -> !rule.name().equals(ruleName)).toList(), fault, requiredKey);
    }

    public Profile failing(Fault newFault) {
        return new Profile(name, dialect, voice, agent, script, rules, newFault, requiredKey);
    }

    public Profile requiringKey(String key) {
        return new Profile(name, dialect, voice, agent, script, rules, fault, key);
    }

    /** What this provider answers to a request: a refusal, an error, or the agent's turn, with the fault applied. */
    public Reply respond(Received request) {
        Optional<Reply> other = dialect.wire().other(request);
        if (other.isPresent()) {
            return other.get();
        }
        if (!dialect.wire().asksForAnswer(request)) {
            return Reply.json(404, "{\"error\":{\"message\":\"Not found: " + request.method() + " " + request.path()
                    + "\",\"type\":\"invalid_request_error\"}}");
        }
        if (requiredKey != null && !Keys.carries(request, requiredKey)) {
            return Keys.refusal(dialect);
        }
        if (request.json() == null) {
            return Reply.json(400, "{\"error\":{\"message\":\"We could not parse the JSON body of your request.\","
                    + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
        }
        for (Rule rule : rules) {
            Optional<Reply> refusal = rule.refusal(request);
            if (refusal.isPresent()) {
                return stamped(refusal.get());
            }
        }
        return stamped(fault.apply(answer(request)));
    }

    /** Bedrock names a request id in every answer (the SDK puts it in its errors). */
    private Reply stamped(Reply reply) {
        return dialect == Dialect.BEDROCK ? reply.withHeader("x-amzn-RequestId", Errors.BEDROCK_REQUEST_ID) : reply;
    }

    /** The answer without rules or faults (for a raw-socket fake that sends it its own way). */
    public Reply answer(Received request) {
        if (script != null) {
            return script.apply(request);
        }
        Conversation conversation = dialect.wire().read(request);
        Turn turn = agent.next(conversation);
        return dialect.wire().write(turn, conversation, voice, request);
    }
}
