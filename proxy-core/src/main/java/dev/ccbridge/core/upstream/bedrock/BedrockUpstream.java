package dev.ccbridge.core.upstream.bedrock;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.stream.EventSequencer;
import dev.ccbridge.core.stream.StreamFailure;
import dev.ccbridge.core.target.Timeouts;
import dev.ccbridge.core.translate.bedrock.AnthropicToConverse;
import dev.ccbridge.core.translate.bedrock.ConverseInput;
import dev.ccbridge.core.translate.bedrock.ConverseStreamTranslator;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.translate.common.ToolNames;
import dev.ccbridge.core.upstream.AnswerSource;
import dev.ccbridge.core.upstream.Call;
import dev.ccbridge.core.upstream.Upstream;
import dev.ccbridge.core.upstream.UpstreamErrors;
import dev.ccbridge.core.upstream.UpstreamFailure;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * {@code bedrock_converse}: AWS Bedrock's Converse API through the AWS SDK (SigV4 or a Bedrock
 * API key; the SDK also decodes the binary event stream). The SDK delivers events on its own
 * threads into a queue; the answer ({@link StreamedAnswer}) reads them on the request's thread with
 * the target's first-byte, idle and total limits, and stops the call when closed early.
 */
public final class BedrockUpstream implements Upstream {
    private static final Logger LOG = LoggerFactory.getLogger(BedrockUpstream.class);

    private final BedrockClients clients;
    private final Map<String, String> env;

    public BedrockUpstream(BedrockClients clients) {
        this(clients, System.getenv());
    }

    /** @param env the environment ({@code AWS_REGION}, {@code AWS_BEARER_TOKEN_BEDROCK}, ...) */
    public BedrockUpstream(BedrockClients clients, Map<String, String> env) {
        this.clients = clients;
        this.env = env;
    }

    @Override
    public AnswerSource open(Call call, EventSequencer out) throws UpstreamFailure {
        String target = call.target().displayName();
        String model = call.model().upstream();
        BedrockSettings settings;
        ConverseInput input;
        ToolNames names = ToolNames.of(call.request().messages().toolsOrEmpty());
        try {
            settings = BedrockSettings.of(call.target(), model, call.apiKey(), env, clients.profiles());
            if (model == null || model.isBlank()) {
                throw new BedrockSettings.Invalid("no model: set the target's model (a Bedrock model id, "
                        + "inference profile id or ARN)");
            }
            input = AnthropicToConverse.translate(call.request().messages(), call.model(), names,
                    betas(call.request().clientHeaders()));
        } catch (BedrockSettings.Invalid e) {
            throw new UpstreamFailure(ApiError.invalidRequest("target '" + target + "' (bedrock_converse): "
                    + e.getMessage()).notRetryable());
        } catch (InvalidRequestException e) {
            throw new UpstreamFailure(ApiError.invalidRequest(e.getMessage()));
        }
        var failures = new Failures(new BedrockErrors(call.errors()), settings);
        var translator = new ConverseStreamTranslator(out, names);
        try {
            BedrockRuntimeAsyncClient client = clients.clientFor(settings);
            if (!settings.streaming()) {
                translator.onResponse(converse(client, input, call, failures));
                return new WholeAnswer();
            }
            return new StreamedAnswer(client, input, call, translator, failures);
        } catch (StreamFailure failure) {
            throw new UpstreamFailure(call.errors().fromFailure(failure));
        } catch (SdkException e) {
            // The SDK refuses to build a client or a call (unreadable profile, say): report, do not crash.
            throw failures.of(e);
        }
    }

    /** One answer, all at once: wait as long as a streamed answer could be silent, or the total limit. */
    private ConverseResponse converse(BedrockRuntimeAsyncClient client, ConverseInput input, Call call,
                                      Failures failures) throws UpstreamFailure {
        Timeouts timeouts = call.timeouts();
        Duration limit = timeouts.total().isZero() ? timeouts.firstByte().plus(timeouts.idle()) : timeouts.total();
        CompletableFuture<ConverseResponse> pending = client.converse(input.request());
        call.cancellation().onCancel(() -> pending.cancel(true));
        try {
            return pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new UpstreamFailure(ApiError.silent(call.target().displayName() + " did not answer within "
                    + Timeouts.describe(limit)));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(ApiError.api(500, "interrupted while waiting for "
                    + call.target().displayName()));
        } catch (ExecutionException | CancellationException e) {
            throw failures.of(e);
        }
    }

    /** A non-streamed answer: translated whole when it arrived; nothing more to read. */
    private static final class WholeAnswer implements AnswerSource.Events {
        @Override
        public boolean read() {
            return false;
        }

        @Override
        public void close() {
            // nothing held open
        }
    }

    /** Maps what the SDK throws; a credential problem also drops the cached client, so it is rebuilt. */
    private final class Failures {
        final BedrockErrors errors;
        final BedrockSettings settings;

        Failures(BedrockErrors errors, BedrockSettings settings) {
            this.errors = errors;
            this.settings = settings;
        }

        UpstreamFailure of(Throwable cause) {
            if (BedrockErrors.isCredentialProblem(cause)) {
                clients.forget(settings);
            }
            return new UpstreamFailure(errors.map(cause));
        }
    }

    /** ConverseStream: events read from the SDK's queue, one at a time, within the target's time limits. */
    private final class StreamedAnswer implements AnswerSource.Events {
        private final BedrockEventQueue queue = new BedrockEventQueue();
        private final AtomicReference<String> contentType = new AtomicReference<>();
        private final CompletableFuture<Void> pending;
        private final Call call;
        private final ConverseStreamTranslator translator;
        private final Failures failures;
        private final long deadline;
        private Duration wait;
        private boolean answered;
        private boolean ended;
        /** The call ended by itself: cancelling one the SDK is failing upsets its pool, so it is left alone. */
        private boolean finishedByItself;

        StreamedAnswer(BedrockRuntimeAsyncClient client, ConverseInput input, Call call,
                       ConverseStreamTranslator translator, Failures failures) {
            this.call = call;
            this.translator = translator;
            this.failures = failures;
            Timeouts timeouts = call.timeouts();
            this.deadline = timeouts.total().isZero() ? Long.MAX_VALUE : System.nanoTime() + timeouts.total().toNanos();
            this.wait = timeouts.firstByte();
            var handler = ConverseStreamResponseHandler.builder()
                    .onResponse(response -> {
                        LOG.debug("{}: Bedrock request id {}", call.request().id(),
                                response.responseMetadata().requestId());
                        response.sdkHttpResponse().firstMatchingHeader("Content-Type").ifPresent(contentType::set);
                    })
                    .onEventStream(events -> events.subscribe(queue))
                    .onError(queue::fail)
                    .build();
            pending = client.converseStream(input.streamRequest(), handler);
            pending.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    queue.fail(failure);
                }
            });
            call.cancellation().onCancel(this::stop);
        }


        @Override
        public boolean read() throws UpstreamFailure {
            if (ended) {
                return false;
            }
            BedrockEventQueue.Signal signal;
            try {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                signal = queue.next(left.compareTo(wait) < 0 ? left : wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw end(ApiError.api(500, "interrupted while waiting for " + call.target().displayName()));
            }
            try {
                switch (signal) {
                    case null -> throw end(silence());
                    case BedrockEventQueue.Event event -> {
                        translator.onEvent(event.event());
                        answered = true;
                        wait = call.timeouts().idle();
                        return true;
                    }
                    case BedrockEventQueue.Completed done -> {
                        finishedByItself = true;
                        ended = true;
                        translator.onEnd();
                        return false;
                    }
                    case BedrockEventQueue.Failed failed -> {
                        finishedByItself = true;
                        return onFailure(failed.cause());
                    }
                    case BedrockEventQueue.Cancelled cancelled -> {
                        ended = true;
                        return false;
                    }
                }
            } catch (StreamFailure failure) {
                throw end(call.errors().fromFailure(failure));
            }
        }

        private boolean onFailure(Throwable cause) throws UpstreamFailure {
            ended = true;
            if (BedrockErrors.unwrap(cause) instanceof CancellationException) {
                return false;
            }
            String type = contentType.get();
            if (type != null && !type.contains("eventstream") && !translator.stopped()) {
                // A 200 that is no event stream (a proxy's page, a wrong endpoint): say so, not "checksum failure".
                throw new UpstreamFailure(ApiError.api(502, call.target().displayName() + " answered with " + type
                        + " instead of an event stream (check the endpoint)"));
            }
            if (translator.stopped()) {
                // The answer was complete (messageStop came); only the trailing usage is missing.
                LOG.info("{}: Bedrock stream failed after the answer was complete: {}", call.request().id(),
                        BedrockErrors.unwrap(cause).toString());
                translator.onEnd();
                return false;
            }
            throw failures.of(cause);
        }

        private ApiError silence() {
            String target = call.target().displayName();
            if (System.nanoTime() - deadline >= 0) {
                return ApiError.silent(target + " did not finish within " + Timeouts.describe(call.timeouts().total()));
            }
            return ApiError.silent(answered
                    ? target + " stopped sending data for " + Timeouts.describe(wait)
                    : target + " did not answer within " + Timeouts.describe(wait));
        }

        private UpstreamFailure end(ApiError error) {
            ended = true;
            return new UpstreamFailure(error);
        }

        /** Silent too long, a stream failure, the client gone, anything unexpected: the call must not run on. */
        @Override
        public void close() {
            if (!finishedByItself && !pending.isDone()) {
                stop();
            }
        }

        private void stop() {
            queue.cancel();
            pending.cancel(true);
        }
    }

    /** The {@code anthropic-beta} flags Claude Code sent. */
    private static Set<String> betas(Map<String, String> clientHeaders) {
        String header = clientHeaders.get("anthropic-beta");
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
