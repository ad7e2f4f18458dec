package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.secrets.TargetReadiness;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.Target;
import dev.ccbridge.core.target.TargetRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerControlTest {
    private final TargetRegistry registry = new TargetRegistry(new GatewayConfig(1, 0, null, null, List.of(), null), null);

    @Test
    void startsServesAndStops() throws Exception {
        List<ServerControl.State> heard = new ArrayList<>();
        try (var control = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                () -> 0)) {
            control.addListener(status -> heard.add(status.state()));
            ServerControl.Status serving = control.start();
            assertThat(serving.state()).isEqualTo(ServerControl.State.SERVING);
            assertThat(probe(serving.url())).isEqualTo(200);
            assertThat(control.stop().state()).isEqualTo(ServerControl.State.OFF);
            assertThat(heard).containsExactly(ServerControl.State.SERVING, ServerControl.State.OFF);
        }
    }

    @Test
    void aPortInUseIsAnErrorThatSaysWhatToDo() throws Exception {
        try (var occupied = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             var control = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                     occupied::getLocalPort)) {
            ServerControl.Status status = control.start();
            assertThat(status.state()).isEqualTo(ServerControl.State.ERROR);
            assertThat(status.message()).contains("port " + occupied.getLocalPort() + " is already in use")
                    .contains("Settings");
        }
    }

    @Test
    void aTakenPortIsTriedAgainWithLongerPausesUntilItIsFree() throws Exception {
        var occupied = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int port = occupied.getLocalPort();
        List<ServerControl.Status> heard = new CopyOnWriteArrayList<>();
        try (var control = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                () -> port, new ServerControl.PortRetry(Duration.ofMillis(40), Duration.ofMillis(160)))) {
            control.addListener(heard::add);
            ServerControl.Status first = control.start();
            assertThat(first.state()).isEqualTo(ServerControl.State.ERROR);
            assertThat(first.retrying()).isTrue();
            assertThat(first.message()).contains("port " + port + " is already in use").contains("trying again in");

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 4);
            assertThat(heard).extracting(ServerControl.Status::retryIn).as("each pause doubles, up to the longest")
                    .startsWith(Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(160),
                            Duration.ofMillis(160));

            occupied.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> control.status().serving());
            assertThat(control.status().url()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(probe(control.status().url())).isEqualTo(200);
        } finally {
            occupied.close();
        }
    }

    @Test
    void turningItOffStopsTryingForThePort() throws Exception {
        try (var occupied = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             var control = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                     occupied::getLocalPort, new ServerControl.PortRetry(Duration.ofMillis(30), Duration.ofMillis(30)))) {
            assertThat(control.start().retrying()).isTrue();
            ServerControl.Status off = control.stop();
            assertThat(off.state()).isEqualTo(ServerControl.State.OFF);
            assertThat(off.retrying()).isFalse();
            occupied.close();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> control.status().state() == ServerControl.State.OFF);
        }
    }

    @Test
    void aPrivateGatewayAnswersWhileServingIsOff() {
        try (var control = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                () -> 0)) {
            int status = control.throughGateway(url -> probe(url));
            assertThat(status).isEqualTo(200);
            assertThat(control.status().state()).isEqualTo(ServerControl.State.OFF);
        }
    }

    private static int probe(String url) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url + "/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void servingWithoutTheActiveTargetsKeyIsAWarningThatNamesTheFix() {
        var secrets = new InMemorySecretStore();
        Target groq = registry.put(TestApp.hostedWithoutKey("Groq"));
        registry.activate(groq.id());
        try (var control = new ServerControl(GatewayContext.standard(registry, secrets, new RequestLog()), () -> 0)) {
            ServerControl.Status status = control.start();

            assertThat(status.state()).isEqualTo(ServerControl.State.WARNING);
            assertThat(status.serving()).isTrue();
            assertThat(status.message()).isEqualTo("Add an API key for Groq");
            assertThat(status.readiness()).isInstanceOf(TargetReadiness.MissingKey.class);
            assertThat(probe(status.url())).as("it still serves").isEqualTo(200);

            secrets.put(groq.secretAccount(), "gsk-0123456789");
            assertThat(control.recheck().state()).isEqualTo(ServerControl.State.SERVING);
            assertThat(control.stop().state()).isEqualTo(ServerControl.State.OFF);
        }
    }

    @Test
    void aKeyStoredInTheAppEndsTheWarningWithoutAnythingElse(@TempDir Path dir) {
        try (var context = TestApp.open(dir)) {
            Target groq = context.registry().put(TestApp.hostedWithoutKey("Groq"));
            context.registry().activate(groq.id());
            assertThat(context.server().start().state()).isEqualTo(ServerControl.State.WARNING);

            context.secrets().put(groq.secretAccount(), "gsk-0123456789");

            awaitState(context.server(), ServerControl.State.SERVING);
            context.secrets().delete(groq.secretAccount());
            awaitState(context.server(), ServerControl.State.WARNING);
        }
    }

    private static void awaitState(ServerControl control, ServerControl.State wanted) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(control.status().state()).isEqualTo(wanted));
    }
}
