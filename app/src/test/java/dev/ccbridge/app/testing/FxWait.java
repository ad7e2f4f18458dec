package dev.ccbridge.app.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in window tests for work that comes back through background threads. */
public final class FxWait {
    private FxWait() {}

    public static void until(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }
}
