package dev.ccbridge.app.tray;

import java.util.List;
import java.util.function.Consumer;

/** The tray menu as data: the controller builds it, an adapter draws it. */
public sealed interface TrayItem {
    String label();

    record Action(String label, Runnable run) implements TrayItem {}

    /** A check mark that toggles (Enabled): {@code onChange} gets the new state. */
    record Check(String label, boolean checked, Consumer<Boolean> onChange) implements TrayItem {}

    /** One choice of a group (the active target): choosing it again changes nothing. */
    record Radio(String label, boolean selected, Runnable choose) implements TrayItem {}

    record Submenu(String label, List<TrayItem> items) implements TrayItem {
        public Submenu {
            items = List.copyOf(items);
        }
    }

    record Separator() implements TrayItem {
        @Override
        public String label() {
            return "";
        }
    }
}
