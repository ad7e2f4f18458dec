package dev.ccbridge.app.services;

import java.io.IOException;

/** Starting ccbridge when the user logs in: the desktop's own entry, which is itself the setting. */
public interface LoginStart {
    /** Whether this platform has a way (otherwise the setting is not offered). */
    boolean available();

    /** Where the entry lives, to show the user. */
    String location();

    /** Whether the desktop will start ccbridge at the next login. Reads the entry. */
    @Blocking
    boolean enabled();

    /** Adds the entry (starting this ccbridge with its configuration) or removes it. */
    @Blocking
    void set(boolean on) throws IOException;
}
