package dev.ccbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.core.GatewayContext;
import dev.ccbridge.core.log.RequestLog;
import dev.ccbridge.core.secrets.InMemorySecretStore;
import dev.ccbridge.core.target.GatewayConfig;
import dev.ccbridge.core.target.TargetRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        try (var occupied = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             var control = new ServerControl(GatewayContext.standard(registry, new InMemorySecretStore(), new RequestLog()),
                     occupied::getLocalPort)) {
            ServerControl.Status status = control.start();
            assertThat(status.state()).isEqualTo(ServerControl.State.ERROR);
            assertThat(status.message()).contains("port " + occupied.getLocalPort() + " is already in use")
                    .contains("Settings");
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
}
