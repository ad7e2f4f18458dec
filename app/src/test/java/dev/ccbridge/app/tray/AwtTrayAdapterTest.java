package dev.ccbridge.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccbridge.app.ServerControl;
import dev.ccbridge.app.testing.DesktopSession;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ActionEvent;
import java.awt.event.ItemEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real AWT tray on a private X display with a tray host (Xvfb + trayer). */
@Tag("desktop")
@ExtendWith(DesktopSession.Tray.class)
class AwtTrayAdapterTest {
    private final AwtTrayAdapter adapter = new AwtTrayAdapter();
    private final List<String> clicked = new ArrayList<>();

    @AfterEach
    void removeIcon() throws Exception {
        adapter.remove();
        EventQueue.invokeAndWait(() -> { });
    }

    @Test
    void theIconAppearsInTheTrayWithTooltipAndMenu() throws Exception {
        assertThat(adapter.isSupported()).isTrue();
        adapter.show(view(ServerControl.State.SERVING, "ccbridge \u2014 serving on http://127.0.0.1:8787"));
        TrayIcon icon = shownIcon();

        assertThat(SystemTray.getSystemTray().getTrayIcons()).contains(icon);
        assertThat(icon.getToolTip()).isEqualTo("ccbridge \u2014 serving on http://127.0.0.1:8787");
        PopupMenu popup = icon.getPopupMenu();
        assertThat(labels(popup)).containsExactly("Enabled", "Active target", "-", "Quit");
        assertThat(((CheckboxMenuItem) popup.getItem(0)).getState()).isTrue();
        Menu targets = (Menu) popup.getItem(1);
        assertThat(labels(targets)).containsExactly("DeepSeek", "Kimi");
    }

    @Test
    void menuClicksReachTheController() throws Exception {
        adapter.show(view(ServerControl.State.OFF, "ccbridge \u2014 off"));
        TrayIcon icon = shownIcon();
        EventQueue.invokeAndWait(() -> {
            MenuItem quit = icon.getPopupMenu().getItem(3);
            for (var listener : quit.getActionListeners()) {
                listener.actionPerformed(new ActionEvent(quit, ActionEvent.ACTION_PERFORMED, "Quit"));
            }
            CheckboxMenuItem enabled = (CheckboxMenuItem) icon.getPopupMenu().getItem(0);
            for (var listener : enabled.getItemListeners()) {
                listener.itemStateChanged(new ItemEvent(enabled, ItemEvent.ITEM_STATE_CHANGED, enabled, ItemEvent.SELECTED));
            }
            for (var listener : icon.getActionListeners()) {
                listener.actionPerformed(new ActionEvent(icon, ActionEvent.ACTION_PERFORMED, null));
            }
        });
        assertThat(clicked).containsExactly("quit", "enabled=true", "activate");
    }

    @Test
    void theActiveTargetShowsItsMarkAndChoosingAnotherReachesTheController() throws Exception {
        adapter.show(view(ServerControl.State.SERVING, "ccbridge"));
        TrayIcon icon = shownIcon();
        EventQueue.invokeAndWait(() -> {
            Menu targets = (Menu) icon.getPopupMenu().getItem(1);
            assertThat(((CheckboxMenuItem) targets.getItem(0)).getState()).isTrue();
            CheckboxMenuItem kimi = (CheckboxMenuItem) targets.getItem(1);
            assertThat(kimi.getState()).isFalse();
            for (var listener : kimi.getItemListeners()) {
                listener.itemStateChanged(new ItemEvent(kimi, ItemEvent.ITEM_STATE_CHANGED, kimi, ItemEvent.SELECTED));
            }
        });
        assertThat(clicked).containsExactly("kimi");
    }

    @Test
    void withAPlatformNotifierNoticesGoThereNotToABalloon() throws Exception {
        List<String> notices = new ArrayList<>();
        var linux = new AwtTrayAdapter((title, message) -> notices.add(title + ": " + message));
        linux.show(view(ServerControl.State.SERVING, "ccbridge"));
        linux.notify("Copied for fish", "Paste it.");
        assertThat(notices).containsExactly("Copied for fish: Paste it.");
        linux.remove();
        EventQueue.invokeAndWait(() -> { });
    }

    @Test
    void aNewStateRedrawsTheSameIcon() throws Exception {
        adapter.show(view(ServerControl.State.OFF, "ccbridge \u2014 off"));
        TrayIcon icon = shownIcon();
        adapter.show(view(ServerControl.State.ERROR, "ccbridge \u2014 error: port 8787 is already in use"));
        EventQueue.invokeAndWait(() -> { });
        assertThat(SystemTray.getSystemTray().getTrayIcons()).containsExactly(icon);
        assertThat(icon.getToolTip()).contains("port 8787 is already in use");
        BufferedImage image = (BufferedImage) icon.getImage();
        int centre = image.getRGB(image.getWidth() / 2, (int) (image.getHeight() * 0.8));
        assertThat(centre & 0xFFFFFF).isEqualTo(TrayIcons.ERROR.getRGB() & 0xFFFFFF);
    }

    private TrayIcon shownIcon() throws Exception {
        EventQueue.invokeAndWait(() -> { });
        AtomicReference<TrayIcon> icon = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> icon.set(adapter.trayIcon().orElse(null)));
        assertThat(icon.get()).as("tray icon added").isNotNull();
        return icon.get();
    }

    private TrayView view(ServerControl.State state, String tooltip) {
        return new TrayView(state, tooltip, List.of(
                new TrayItem.Check("Enabled", state == ServerControl.State.SERVING,
                        on -> clicked.add("enabled=" + on)),
                new TrayItem.Submenu("Active target", List.of(
                        new TrayItem.Radio("DeepSeek", true, () -> clicked.add("deepseek")),
                        new TrayItem.Radio("Kimi", false, () -> clicked.add("kimi")))),
                new TrayItem.Separator(),
                new TrayItem.Action("Quit", () -> clicked.add("quit"))),
                () -> clicked.add("activate"));
    }

    private static List<String> labels(Menu menu) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < menu.getItemCount(); i++) {
            out.add(menu.getItem(i).getLabel());
        }
        return out;
    }
}
