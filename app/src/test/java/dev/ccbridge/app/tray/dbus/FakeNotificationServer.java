package dev.ccbridge.app.tray.dbus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A notification server as the Desktop Notifications spec has it: answers Notify with an id (the
 * same id when a notice replaces one), and keeps what it was asked to show.
 */
final class FakeNotificationServer implements Notifications {
    /** One Notify call as the server received it. */
    record Notice(String appName, long replacesId, long id, String summary, String body, Map<String, Variant<?>> hints) {}

    private final LinkedBlockingQueue<Notice> received = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> capabilities;

    private FakeNotificationServer(List<String> capabilities) {
        this.capabilities = capabilities;
    }

    static FakeNotificationServer start(DBusConnection bus, List<String> capabilities) throws DBusException {
        var server = new FakeNotificationServer(capabilities);
        bus.exportObject(server);
        bus.requestBusName(BUS_NAME);
        return server;
    }

    Notice next() throws InterruptedException {
        Notice notice = received.poll(10, TimeUnit.SECONDS);
        if (notice == null) {
            throw new AssertionError("no notice reached the notification server within 10 s");
        }
        return notice;
    }

    boolean nothingMore() throws InterruptedException {
        return received.poll(500, TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                         List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        if (summary == null || summary.isEmpty()) {
            throw new DBusExecutionException("a notice needs a summary");
        }
        long id = replacesId.longValue() != 0 ? replacesId.longValue() : ids.incrementAndGet();
        received.add(new Notice(appName, replacesId.longValue(), id, summary, body, hints));
        return new UInt32(id);
    }

    @Override
    public List<String> GetCapabilities() {
        return capabilities;
    }

    @Override
    public void CloseNotification(UInt32 id) {
        // Nothing is on screen.
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }
}
