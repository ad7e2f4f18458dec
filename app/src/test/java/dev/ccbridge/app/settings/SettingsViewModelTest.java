package dev.ccbridge.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.AppContext;
import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.testing.TestApp;
import dev.ccbridge.core.server.RequestLimits;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    private AppContext context;
    private SettingsViewModel vm;

    @BeforeEach
    void setUp() {
        context = TestApp.open(dir);
        vm = new SettingsViewModel(context);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void invalidValuesCannotBeSaved() {
        vm.port.set("80");
        assertThat(vm.validBinding().get()).isFalse();
        vm.port.set("abc");
        assertThat(vm.validBinding().get()).isFalse();
        vm.port.set("9000");
        vm.logSize.set("5");
        assertThat(vm.validBinding().get()).isFalse();
        assertThat(vm.save()).isFalse();
        vm.logSize.set("500");
        assertThat(vm.validBinding().get()).isTrue();
    }

    @Test
    void aNewPortMovesTheRunningGateway() throws Exception {
        assertThat(context.server().start().state()).isEqualTo(ServerControl.State.SERVING);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        vm.reload();
        vm.port.set(String.valueOf(port));
        vm.theme.set(AppSettings.Theme.DARK);
        assertThat(vm.dirtyBinding().get()).isTrue();

        assertThat(vm.save()).isTrue();

        assertThat(context.server().status().url()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(context.settings().theme()).isEqualTo(AppSettings.Theme.DARK);
        assertThat(vm.dirtyBinding().get()).isFalse();
    }

    @Test
    void logLimitsReachTheHistory() {
        vm.logSize.set("250");
        vm.historyDays.set("7");
        vm.save();
        assertThat(context.history().orElseThrow().retention().maxEntries()).isEqualTo(250);
        assertThat(context.history().orElseThrow().retention().days()).isEqualTo(7);
    }

    @Test
    void requestLimitsAreSavedInTheConfigAndTheRunningGatewayTakesThem() throws Exception {
        assertThat(context.server().start().state()).isEqualTo(ServerControl.State.SERVING);
        vm.reload();
        assertThat(vm.maxRequestMiB.get()).as("unset: the default").isEmpty();
        assertThat(vm.bodiesInFlightMiB.get()).isEmpty();
        assertThat(vm.defaultBodiesInFlight()).endsWith(" MiB");

        vm.bodiesInFlightMiB.set("0");
        assertThat(vm.validBinding().get()).isFalse();
        vm.maxRequestMiB.set("8");
        vm.bodiesInFlightMiB.set("24");
        assertThat(vm.dirtyBinding().get()).isTrue();
        assertThat(vm.save()).isTrue();

        assertThat(RequestLimits.of(context.registry().config())).isEqualTo(new RequestLimits(8, 24));
        assertThat(context.registry().config().extra().get("limits").toString())
                .isEqualTo("{\"maxRequestMiB\":8,\"bodiesInFlightMiB\":24}");
        assertThat(context.server().status().serving()).isTrue();
        String big = "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(9 * 1024 * 1024) + "\"}]}";
        assertThat(post(big)).as("the gateway restarted with the new limit").isEqualTo(413);

        vm.maxRequestMiB.set("");
        vm.bodiesInFlightMiB.set("");
        assertThat(vm.save()).isTrue();
        assertThat(context.registry().config().extra()).as("defaults leave nothing behind").doesNotContainKey("limits");
    }

    private int post(String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(context.server().status().url() + "/v1/messages"))
                .header("Authorization", "Bearer " + context.registry().installToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
