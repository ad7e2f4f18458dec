package dev.ccbridge.core.upstream.bedrock;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;

/**
 * Hands ConverseStream events from the SDK's I/O threads to the request's own thread, which
 * translates them and writes to the client (blocking work that must not run on an event loop).
 * Demand is bounded: the SDK reads ahead at most {@link #WINDOW} events, so a slow client slows
 * the upstream instead of filling memory.
 */
final class BedrockEventQueue implements Subscriber<ConverseStreamOutput> {
    static final int WINDOW = 32;

    /** What the reader can get: an event, or how the stream ended. */
    sealed interface Signal {}

    record Event(ConverseStreamOutput event) implements Signal {}

    record Completed() implements Signal {}

    record Failed(Throwable cause) implements Signal {}

    record Cancelled() implements Signal {}

    private final LinkedBlockingQueue<Signal> queue = new LinkedBlockingQueue<>();
    private Subscription subscription;
    private boolean cancelled;

    @Override
    public void onSubscribe(Subscription s) {
        boolean cancelNow;
        synchronized (this) {
            subscription = s;
            cancelNow = cancelled;
        }
        if (cancelNow) {
            s.cancel();
        } else {
            s.request(WINDOW);
        }
    }

    @Override
    public void onNext(ConverseStreamOutput event) {
        queue.add(new Event(event));
    }

    @Override
    public void onError(Throwable t) {
        queue.add(new Failed(t));
    }

    @Override
    public void onComplete() {
        queue.add(new Completed());
    }

    /** A failure reported outside the event stream (before it began, or by the call's future). */
    void fail(Throwable t) {
        queue.add(new Failed(t));
    }

    /** Stops the stream and wakes the reader. */
    void cancel() {
        Subscription s;
        synchronized (this) {
            cancelled = true;
            s = subscription;
        }
        if (s != null) {
            s.cancel();
        }
        queue.add(new Cancelled());
    }

    /**
     * The next signal, or null if none came within {@code timeout}. Taking an event asks the SDK
     * for one more.
     */
    Signal next(Duration timeout) throws InterruptedException {
        Signal signal = queue.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        if (signal instanceof Event) {
            Subscription s;
            synchronized (this) {
                s = subscription;
            }
            if (s != null) {
                s.request(1);
            }
        }
        return signal;
    }
}
