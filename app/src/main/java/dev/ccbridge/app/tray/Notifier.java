package dev.ccbridge.app.tray;

/** Shows a short notice the platform's way; called from any thread, never blocks on the desktop. */
@FunctionalInterface
public interface Notifier {
    void notify(String title, String message);
}
