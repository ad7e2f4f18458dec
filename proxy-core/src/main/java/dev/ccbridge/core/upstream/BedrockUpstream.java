package dev.ccbridge.core.upstream;

import dev.ccbridge.core.protocol.anthropic.ApiError;
import dev.ccbridge.core.target.Timeouts;
import dev.ccbridge.core.translate.bedrock.AnthropicToConverse;
import dev.ccbridge.core.translate.bedrock.ConverseInput;
import dev.ccbridge.core.translate.bedrock.ConverseStreamTranslator;
import dev.ccbridge.core.translate.common.InvalidRequestException;
import dev.ccbridge.core.translate.common.MessageStreamBuilder;
import dev.ccbridge.core.translate.common.StreamFailure;
import dev.ccbridge.core.translate.common.ToolNames;
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
 * threads; this class reads them on the request's thread with the target's first-byte, idle
 * and total limits, and stops the call when the client goes away.
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
    public void exchange(UpstreamExchange x) {
        MessageStreamBuilder out = x.out();
        String target = x.target().displayName();
        BedrockSettings settings;
        ConverseInput input;
        ToolNames names = ToolNames.of(x.request().toolsOrEmpty());
        try {
            settings = BedrockSettings.of(x.target(), x.model().upstream(), x.apiKey(), env, clients.profiles());
            if (x.model().upstream() == null || x.model().upstream().isBlank()) {
                throw new BedrockSettings.Invalid("no model: set the target's model (a Bedrock model id, "
                        + "inference profile id or ARN)");
            }
            input = AnthropicToConverse.translate(x.request(), x.model(), names, betas(x.clientHeaders()));
        } catch (BedrockSettings.Invalid e) {
            out.fail(ApiError.invalidRequest("target '" + target + "' (bedrock_converse): " + e.getMessage())
                    .notRetryable());
            return;
        } catch (InvalidRequestException e) {
            out.fail(ApiError.invalidRequest(e.getMessage()));
            return;
        }
        var errors = new BedrockErrors(target, x.redactor(), x.estimatedInputTokens(),
                x.model().capabilities().contextWindow());
        var translator = new ConverseStreamTranslator(out, names);
        try {
            BedrockRuntimeAsyncClient client = clients.clientFor(settings);
            if (settings.streaming()) {
                stream(client, input, translator, x, errors, settings);
            } else {
                converse(client, input, translator, x, errors, settings);
            }
        } catch (StreamFailure failure) {
            out.fail(UpstreamErrors.fromFailure(failure, target, x.redactor(), x.estimatedInputTokens(),
                    x.model().capabilities().contextWindow()));
        } catch (SdkException e) {
            // The SDK refuses to build a client or a call (unreadable profile, say): report, do not crash.
            fail(x, errors, settings, e);
        }
    }

    private void stream(BedrockRuntimeAsyncClient client, ConverseInput input, ConverseStreamTranslator translator,
                        UpstreamExchange x, BedrockErrors errors, BedrockSettings settings) {
        var queue = new BedrockEventQueue();
        var contentType = new AtomicReference<String>();
        var handler = ConverseStreamResponseHandler.builder()
                .onResponse(response -> {
                    LOG.debug("{}: Bedrock request id {}", x.requestId(), response.responseMetadata().requestId());
                    response.sdkHttpResponse().firstMatchingHeader("Content-Type").ifPresent(contentType::set);
                })
                .onEventStream(events -> events.subscribe(queue))
                .onError(queue::fail)
                .build();
        CompletableFuture<Void> call = client.converseStream(input.streamRequest(), handler);
        call.whenComplete((ignored, failure) -> {
            if (failure != null) {
                queue.fail(failure);
            }
        });
        Runnable stop = () -> {
            queue.cancel();
            call.cancel(true);
        };
        x.cancellation().onCancel(stop);
        boolean stillRunning = true;
        try {
            stillRunning = read(queue, translator, x, errors, settings, contentType);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            x.out().fail(ApiError.api(500, "interrupted while waiting for " + x.target().displayName()));
        } finally {
            // Silent too long, a stream failure, the client gone, anything unexpected: the call must not run on.
            // (A call that ended by itself is left alone: cancelling one the SDK is failing upsets its pool.)
            if (stillRunning && !call.isDone()) {
                stop.run();
            }
        }
    }

    /**
     * Reads signals until the stream ends, fails, is cancelled or goes silent too long.
     *
     * @return whether the call may still be running (it went silent), so it must be stopped
     */
    private boolean read(BedrockEventQueue queue, ConverseStreamTranslator translator, UpstreamExchange x,
                      BedrockErrors errors, BedrockSettings settings, AtomicReference<String> contentType)
            throws InterruptedException {
        Timeouts timeouts = x.timeouts();
        long deadline = timeouts.total().isZero() ? Long.MAX_VALUE : System.nanoTime() + timeouts.total().toNanos();
        Duration wait = timeouts.firstByte();
        boolean answered = false;
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            BedrockEventQueue.Signal signal = queue.next(left.compareTo(wait) < 0 ? left : wait);
            switch (signal) {
                case null -> {
                    if (!x.cancellation().isCancelled()) {
                        x.out().fail(silence(x, wait, deadline, answered));
                    }
                    return true;
                }
                case BedrockEventQueue.Event event -> {
                    translator.onEvent(event.event());
                    answered = true;
                    wait = timeouts.idle();
                }
                case BedrockEventQueue.Completed done -> {
                    translator.onEnd();
                    return false;
                }
                case BedrockEventQueue.Failed failed -> {
                    onFailure(failed.cause(), translator, x, errors, settings, contentType.get());
                    return false;
                }
                case BedrockEventQueue.Cancelled cancelled -> {
                    return false;
                }
            }
        }
    }

    private void onFailure(Throwable cause, ConverseStreamTranslator translator, UpstreamExchange x,
                           BedrockErrors errors, BedrockSettings settings, String contentType) {
        if (x.cancellation().isCancelled() || BedrockErrors.unwrap(cause) instanceof CancellationException) {
            return;
        }
        if (contentType != null && !contentType.contains("eventstream") && !translator.stopped()) {
            // A 200 that is no event stream (a proxy's page, a wrong endpoint): say so, not "checksum failure".
            x.out().fail(ApiError.api(502, x.target().displayName() + " answered with " + contentType
                    + " instead of an event stream (check the endpoint)"));
            return;
        }
        if (translator.stopped()) {
            // The answer was complete (messageStop came); only the trailing usage is missing.
            LOG.info("{}: Bedrock stream failed after the answer was complete: {}", x.requestId(),
                    BedrockErrors.unwrap(cause).toString());
            translator.onEnd();
            return;
        }
        fail(x, errors, settings, cause);
    }

    private void converse(BedrockRuntimeAsyncClient client, ConverseInput input, ConverseStreamTranslator translator,
                          UpstreamExchange x, BedrockErrors errors, BedrockSettings settings) {
        Timeouts timeouts = x.timeouts();
        // One answer, all at once: wait as long as a streamed answer could be silent, or the total limit.
        Duration limit = timeouts.total().isZero() ? timeouts.firstByte().plus(timeouts.idle()) : timeouts.total();
        CompletableFuture<ConverseResponse> call = client.converse(input.request());
        x.cancellation().onCancel(() -> call.cancel(true));
        ConverseResponse response;
        try {
            response = call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            x.out().fail(ApiError.silent(x.target().displayName() + " did not answer within "
                    + Timeouts.describe(limit)));
            return;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            x.out().fail(ApiError.api(500, "interrupted while waiting for " + x.target().displayName()));
            return;
        } catch (ExecutionException | CancellationException e) {
            if (!x.cancellation().isCancelled()) {
                fail(x, errors, settings, e);
            }
            return;
        }
        translator.onResponse(response);
    }

    private void fail(UpstreamExchange x, BedrockErrors errors, BedrockSettings settings, Throwable cause) {
        if (settings != null && BedrockErrors.isCredentialProblem(cause)) {
            clients.forget(settings);
        }
        x.out().fail(errors.map(cause));
    }

    private static ApiError silence(UpstreamExchange x, Duration wait, long deadline, boolean answered) {
        String target = x.target().displayName();
        if (System.nanoTime() - deadline >= 0) {
            return ApiError.silent(target + " did not finish within " + Timeouts.describe(x.timeouts().total()));
        }
        return ApiError.silent(answered
                ? target + " stopped sending data for " + Timeouts.describe(wait)
                : target + " did not answer within " + Timeouts.describe(wait));
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
