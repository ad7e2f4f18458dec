package dev.ccbridge.app.tray;

import dev.ccbridge.app.ServerControl;
import java.util.List;

/** Everything the tray shows at one moment; {@code onActivate} runs on a click on the icon itself. */
public record TrayView(ServerControl.State state, String tooltip, List<TrayItem> menu, Runnable onActivate) {
    public TrayView {
        menu = List.copyOf(menu);
    }
}
