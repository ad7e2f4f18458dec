package dev.ccbridge.app.testing;

import static org.awaitility.Awaitility.await;

import dev.ccbridge.app.UiExecutor;
import dev.ccbridge.app.services.AppServices;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The threads of a view-model test, as in the app: a UI thread where commands run and results
 * arrive, background threads for the work, and a {@link UiThreadGuard} that fails the test when
 * blocking work lands on the UI thread. {@link #act} runs a command on the UI thread and waits
 * until everything it set off has settled. Register with {@code @RegisterExtension}.
 */
public final class TestUi implements AfterEachCallback {
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread ui;
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(runnable -> {
        ui = Thread.ofPlatform().daemon().name("test-ui").unstarted(runnable);
        return ui;
    });
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final UiThreadGuard guard = UiThreadGuard.of(() -> Thread.currentThread() == ui);
    private final UiExecutor executor = new UiExecutor(counted(uiThread), counted(workers), null, Duration.ZERO);

    /** The executor to give view models. */
    public UiExecutor executor() {
        return executor;
    }

    public UiThreadGuard guard() {
        return guard;
    }

    /** The services with their blocking calls guarded. */
    public AppServices guard(AppServices services) {
        return guard.guard(services);
    }

    /** Runs {@code command} on the UI thread, then waits until the work it started is done. */
    public void act(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
        settle();
    }

    /** Runs {@code work} on the UI thread and returns its result (without waiting for what it started). */
    public <T> T call(Callable<T> work) {
        try {
            return uiThread.submit(work).get(SETTLE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the UI thread did not answer", e);
        }
    }

    /** Waits until no task is queued or running on the UI thread or in the background. */
    public void settle() {
        await("the UI and background work").atMost(SETTLE).pollInterval(Duration.ofMillis(5))
                .until(() -> pending.get() == 0);
    }

    /** Lets the work a test set off end (its results land nowhere afterwards), then checks the guard. */
    @Override
    public void afterEach(ExtensionContext context) {
        settle();
        uiThread.shutdownNow();
        workers.shutdownNow();
        guard.afterEach(context);
    }

    private Executor counted(Executor inner) {
        return task -> {
            pending.incrementAndGet();
            inner.execute(() -> {
                try {
                    task.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        };
    }
}
