package dev.ccbridge.app.tray;

/**
 * The system tray, behind a seam: the app talks to this, {@link AwtTrayAdapter} talks to the
 * desktop. Implementations are called from any thread and hop to their own.
 */
public interface TrayAdapter {
    /** Whether this desktop has a tray to put an icon in. */
    boolean isSupported();

    /** Shows the icon, or updates it to this state, tooltip and menu. */
    void show(TrayView view);

    /** A short notice from the icon (where the desktop supports it). */
    void notify(String title, String message);

    void remove();
}
