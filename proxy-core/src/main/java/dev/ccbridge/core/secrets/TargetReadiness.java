package dev.ccbridge.core.secrets;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a target can be sent requests, as far as its API key goes: the one verdict, and the
 * words for it, that {@code serve}'s banner, the app's header and tray, and a request refused
 * for want of a key all show.
 */
public sealed interface TargetReadiness {
    /** It has a key ({@code key} says where from), or needs none (empty). */
    record Ready(Target target, Optional<KeySource> key) implements TargetReadiness {}

    /** No target is active (none is configured). */
    record NoTarget() implements TargetReadiness {}

    /** It needs an API key and none was found: every request to it would fail. */
    record MissingKey(Target target) implements TargetReadiness {
        /** "Add an API key for OpenAI". */
        public String headline() {
            return "Add an API key for " + target.displayName();
        }

        /** The command that stores one: {@code ccbridge keys set openai}. */
        public String command() {
            return "ccbridge keys set " + target.id();
        }

        /** Every way to give it a key, as one phrase: "run `ccbridge keys set openai`, or set OPENAI_API_KEY". */
        public String ways() {
            String variable = target.apiKeyEnv() == null || target.apiKeyEnv().isBlank()
                    ? KeyResolver.variableFor(target) : target.apiKeyEnv().strip();
            return "run `" + command() + "`, or set " + variable;
        }

        /** What a request refused for want of the key tells Claude Code (and the log). */
        public String requestError() {
            return target.displayName() + " (target '" + target.id() + "') has no API key, so ccbridge cannot send "
                    + "this request. " + headline() + ": " + ways() + " where ccbridge runs (or enter it in the app,"
                    + " under Targets).";
        }
    }

    /**
     * Whether requests to this target cannot work without a key: it names a key variable (hosted
     * providers do), is not a server on this machine, takes no AWS credentials instead (Bedrock),
     * and sends no credentials of its own in its headers.
     */
    public static boolean needsKey(Target target) {
        Set<String> credentialHeaders = Set.of("authorization", "x-api-key", "api-key");
        return target.apiKeyEnv() != null && !target.apiKeyEnv().isBlank()
                && !isLocal(target.baseUrl())
                && target.apiMode() != ApiMode.BEDROCK_CONVERSE
                && target.headers().keySet().stream()
                        .noneMatch(name -> credentialHeaders.contains(name.toLowerCase(Locale.ROOT)));
    }

    /** A base URL on this machine (Ollama, LM Studio, a local vLLM). */
    public static boolean isLocal(String baseUrl) {
        try {
            String host = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl.strip()).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
