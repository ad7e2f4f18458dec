package dev.ccbridge.core.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * A fake provider that streams a script of (pause, bytes) steps over real HTTP, and notices when
 * the caller goes away (its next write fails) — for timing, keep-alive and cancellation tests
 * that WireMock's all-at-once bodies cannot express.
 */
public final class ScriptedUpstream implements AutoCloseable {
    public record Step(Duration pause, String bytes) {
        public static Step after(long millis, String bytes) {
            return new Step(Duration.ofMillis(millis), bytes);
        }
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final CountDownLatch callerLeft = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile List<Step> script = List.of();
    private volatile String contentType = "text/event-stream";

    public ScriptedUpstream() {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract(org.eclipse.jetty.util.thread.Invocable.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                requests.incrementAndGet();
                Request.asInputStream(request).readAllBytes();
                response.setStatus(200);
                response.getHeaders().put("Content-Type", contentType);
                try {
                    for (Step step : script) {
                        Thread.sleep(step.pause());
                        try (Blocker.Callback written = Blocker.callback()) {
                            response.write(false, ByteBuffer.wrap(step.bytes().getBytes(StandardCharsets.UTF_8)), written);
                            written.block();
                        }
                    }
                    callback.succeeded();
                } catch (Exception e) {
                    callerLeft.countDown();
                    callback.failed(e);
                }
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public ScriptedUpstream script(List<Step> steps) {
        this.script = List.copyOf(steps);
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/v1";
    }

    public int requests() {
        return requests.get();
    }

    /** Whether a write failed because the caller closed the connection, within the time given. */
    public boolean callerLeftWithin(Duration timeout) throws InterruptedException {
        return callerLeft.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
