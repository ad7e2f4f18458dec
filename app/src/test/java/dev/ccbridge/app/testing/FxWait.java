package dev.ccbridge.app.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/** Waiting in window tests for work that comes back through background threads; the state is read on the FX thread. */
public final class FxWait {
    private FxWait() {}

    public static void until(String what, BooleanSupplier condition) {
        await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> onFx(condition::getAsBoolean));
    }

    /** Reads (or does) something on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        var task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(10, TimeUnit.SECONDS);
    }
}
