package dev.ccbridge.app.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/** Waiting in window tests for work that comes back through background threads; the state is read on the FX thread. */
public final class FxWait {
    private FxWait() {}

    public static void until(String what, BooleanSupplier condition) {
        await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> onFx(condition::getAsBoolean));
    }

    /**
     * A shown node matching a TestFX query ("#id", ".class" or a text), looked up on the FX thread:
     * a lookup from the test's thread can meet a cell the FX thread is just reusing.
     */
    public static Node shown(FxRobot robot, String query) {
        Node[] found = new Node[1];
        until(query + " shown", () -> {
            found[0] = robot.lookup(query).match(Node::isVisible).tryQuery().orElse(null);
            return found[0] != null && found[0].getScene() != null;
        });
        return found[0];
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
