package dev.ccbridge.app.services;

import dev.ccbridge.app.ServerControl;
import java.util.function.Consumer;

/** Turning the in-process gateway on and off, and what state it is in (the header, the Enabled switch). */
public interface GatewaySwitch {
    ServerControl.Status status();

    /** Hears every change, on the thread that made it. */
    void addListener(Consumer<ServerControl.Status> listener);

    @Blocking
    ServerControl.Status start();

    @Blocking
    ServerControl.Status stop();
}
