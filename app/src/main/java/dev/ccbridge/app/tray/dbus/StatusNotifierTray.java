package dev.ccbridge.app.tray.dbus;

import dev.ccbridge.app.tray.Notifier;
import dev.ccbridge.app.tray.TrayAdapter;
import dev.ccbridge.app.tray.TrayView;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray icon as a StatusNotifierItem with a dbusmenu menu, the way KDE Plasma, XFCE, Cinnamon
 * and GNOME's AppIndicator extension show tray icons: the desktop draws the icon, the tooltip and
 * the menu (hover, submenus, check and radio marks) itself. Pure D-Bus: no GTK or AWT in this
 * process. All bus traffic runs on one thread; the host's calls arrive on dbus-java's threads.
 */
public final class StatusNotifierTray implements TrayAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusNotifierTray.class);

    private final DBusConnection bus;
    private final Notifier notices;
    private final ExecutorService worker;
    private final String busName = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-1";
    private final ExportedMenu menu = new ExportedMenu();
    // Only touched on the worker thread:
    private ExportedItem item;
    private TrayView shown;
    private AutoCloseable watcherRestarts;

    public StatusNotifierTray(DBusConnection bus, Notifier notices) {
        this.bus = bus;
        this.notices = notices;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ccbridge-tray");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether a panel on this bus shows StatusNotifierItems: a watcher with a host registered. */
    public static boolean hostPresent(DBusConnection bus) {
        if (!SessionBus.hasOwner(bus, StatusNotifierWatcher.BUS_NAME)) {
            return false;
        }
        try {
            Properties watcher = bus.getRemoteObject(StatusNotifierWatcher.BUS_NAME, StatusNotifierWatcher.PATH,
                    Properties.class);
            Object registered = watcher.Get(StatusNotifierWatcher.INTERFACE, "IsStatusNotifierHostRegistered");
            return Boolean.TRUE.equals(registered);
        } catch (DBusException | DBusExecutionException e) {
            return false;
        }
    }

    /** The bus name the item is registered under (tests read the item through it). */
    public String busName() {
        return busName;
    }

    @Override
    public boolean isSupported() {
        return hostPresent(bus);
    }

    @Override
    public void show(TrayView view) {
        worker.execute(() -> apply(view));
    }

    @Override
    public void notify(String title, String message) {
        notices.notify(title, message);
    }

    @Override
    public void remove() {
        worker.execute(this::withdraw);
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(TrayView view) {
        try {
            if (item == null) {
                publish(view);
            } else {
                update(view);
            }
            shown = view;
        } catch (DBusException | DBusExecutionException e) {
            LOG.warn("the tray icon could not be shown: {}", e.getMessage());
        }
    }

    private void publish(TrayView view) throws DBusException {
        item = new ExportedItem(view);
        menu.replace(new MenuTree(view.menu()));
        bus.exportObject(item);
        bus.exportObject(menu);
        bus.requestBusName(busName);
        // A panel that restarts (or starts after us) brings a new watcher: register with it too.
        watcherRestarts = bus.addSigHandler(DBus.NameOwnerChanged.class, signal -> {
            if (StatusNotifierWatcher.BUS_NAME.equals(signal.name) && !signal.newOwner.isEmpty()) {
                worker.execute(this::register);
            }
        });
        register();
    }

    private void register() {
        try {
            bus.getRemoteObject(StatusNotifierWatcher.BUS_NAME, StatusNotifierWatcher.PATH, StatusNotifierWatcher.class)
                    .RegisterStatusNotifierItem(busName);
        } catch (DBusException | DBusExecutionException e) {
            LOG.info("no StatusNotifier watcher took the tray icon: {}", e.getMessage());
        }
    }

    /** Tells the hosts what changed; they read the properties again. */
    private void update(TrayView view) throws DBusException {
        item.update(view);
        if (view.state() != shown.state()) {
            bus.sendMessage(new StatusNotifierItem.NewIcon(StatusNotifierItem.PATH));
        }
        if (!ExportedItem.status(view).equals(ExportedItem.status(shown))) {
            bus.sendMessage(new StatusNotifierItem.NewStatus(StatusNotifierItem.PATH, ExportedItem.status(view)));
        }
        if (!Objects.equals(view.tooltip(), shown.tooltip())) {
            bus.sendMessage(new StatusNotifierItem.NewToolTip(StatusNotifierItem.PATH));
        }
        UInt32 revision = menu.replace(new MenuTree(view.menu()));
        bus.sendMessage(new DbusMenu.LayoutUpdated(DbusMenu.PATH, revision, MenuTree.ROOT));
    }

    private void withdraw() {
        try {
            if (watcherRestarts != null) {
                watcherRestarts.close();
            }
            if (item != null) {
                // Losing the name is what tells the watcher the item is gone.
                bus.releaseBusName(busName);
                bus.unExportObject(StatusNotifierItem.PATH);
                bus.unExportObject(DbusMenu.PATH);
            }
        } catch (Exception e) {
            LOG.debug("while removing the tray icon", e);
        } finally {
            bus.disconnect();
        }
    }
}
