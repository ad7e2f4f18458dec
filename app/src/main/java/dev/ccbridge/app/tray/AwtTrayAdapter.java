package dev.ccbridge.app.tray;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ItemEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray through AWT's {@link SystemTray}: the notification area on Windows, the menu bar on
 * macOS, and the fallback XEmbed tray on Linux desktops without a StatusNotifier host. Menus are
 * rebuilt from the {@link TrayView} on each change (they are small); all AWT work happens on the
 * AWT event thread. Notices are the icon's own balloons unless a platform {@link Notifier} is given.
 */
public final class AwtTrayAdapter implements TrayAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTrayAdapter.class);

    private final AtomicReference<TrayIcon> icon = new AtomicReference<>();
    private final Notifier notices;
    private volatile TrayView current;

    /** Notices as the icon's balloons (Windows, macOS). */
    public AwtTrayAdapter() {
        this.notices = null;
    }

    /** Notices through {@code notices} (Linux: the desktop's notification server). */
    public AwtTrayAdapter(Notifier notices) {
        this.notices = notices;
    }

    @Override
    public boolean isSupported() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            LOG.info("no system tray: {}", e.toString());
            return false;
        }
    }

    @Override
    public void show(TrayView view) {
        current = view;
        EventQueue.invokeLater(() -> apply(view));
    }

    @Override
    public void notify(String title, String message) {
        if (notices != null) {
            notices.notify(title, message);
            return;
        }
        EventQueue.invokeLater(() -> {
            TrayIcon shown = icon.get();
            if (shown != null) {
                shown.displayMessage(title, message, TrayIcon.MessageType.INFO);
            }
        });
    }

    @Override
    public void remove() {
        EventQueue.invokeLater(() -> {
            TrayIcon shown = icon.getAndSet(null);
            if (shown != null) {
                SystemTray.getSystemTray().remove(shown);
            }
        });
    }

    /** The icon as AWT holds it (tests look at its menu and tooltip). */
    public Optional<TrayIcon> trayIcon() {
        return Optional.ofNullable(icon.get());
    }

    private void apply(TrayView view) {
        if (view != current) {
            return; // a newer view is queued behind this one
        }
        SystemTray tray = SystemTray.getSystemTray();
        int size = iconPixels(tray);
        TrayIcon shown = icon.get();
        if (shown == null) {
            shown = new TrayIcon(TrayIcons.image(view.state(), size), view.tooltip(), popup(view.menu()));
            shown.setImageAutoSize(true);
            shown.addActionListener(event -> current.onActivate().run());
            try {
                tray.add(shown);
                icon.set(shown);
            } catch (AWTException e) {
                LOG.warn("the tray icon could not be added: {}", e.getMessage());
            }
            return;
        }
        shown.setImage(TrayIcons.image(view.state(), size));
        shown.setToolTip(view.tooltip());
        shown.setPopupMenu(popup(view.menu()));
    }

    /** The tray's icon size in device pixels (twice the points on a 2x HiDPI screen). */
    private static int iconPixels(SystemTray tray) {
        int points = Math.max(tray.getTrayIconSize().width, tray.getTrayIconSize().height);
        double scale = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getDefaultTransform().getScaleX();
        return (int) Math.ceil(Math.max(points, 16) * Math.max(scale, 1.0));
    }

    private static PopupMenu popup(List<TrayItem> items) {
        var popup = new PopupMenu();
        items.forEach(item -> popup.add(menuItem(item)));
        return popup;
    }

    private static MenuItem menuItem(TrayItem item) {
        return switch (item) {
            case TrayItem.Action action -> {
                var menuItem = new MenuItem(action.label());
                menuItem.addActionListener(event -> action.run().run());
                yield menuItem;
            }
            case TrayItem.Check check -> {
                var menuItem = new CheckboxMenuItem(check.label(), check.checked());
                menuItem.addItemListener(event -> check.onChange().accept(event.getStateChange() == ItemEvent.SELECTED));
                yield menuItem;
            }
            case TrayItem.Radio radio -> {
                // AWT has no radio item: a check mark, and choosing it again keeps it chosen.
                var menuItem = new CheckboxMenuItem(radio.label(), radio.selected());
                menuItem.addItemListener(event -> radio.choose().run());
                yield menuItem;
            }
            case TrayItem.Submenu submenu -> {
                var menu = new Menu(submenu.label());
                submenu.items().forEach(child -> menu.add(menuItem(child)));
                yield menu;
            }
            case TrayItem.Separator separator -> new MenuItem("-");
        };
    }
}
