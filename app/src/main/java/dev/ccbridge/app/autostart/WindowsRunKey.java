package dev.ccbridge.app.autostart;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinReg;
import java.io.IOException;
import java.util.stream.Collectors;

/** Windows: the value "ccbridge" under {@code HKCU\Software\Microsoft\Windows\CurrentVersion\Run}. */
public record WindowsRunKey() implements StartAtLogin {
    static final String KEY = "Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE = "ccbridge";

    @Override
    public boolean enabled() {
        try {
            return Advapi32Util.registryValueExists(WinReg.HKEY_CURRENT_USER, KEY, VALUE);
        } catch (Win32Exception e) {
            return false;
        }
    }

    @Override
    public void enable(LaunchCommand command) throws IOException {
        try {
            Advapi32Util.registrySetStringValue(WinReg.HKEY_CURRENT_USER, KEY, VALUE, commandLine(command));
        } catch (Win32Exception e) {
            throw new IOException("cannot write the Run key: " + e.getMessage(), e);
        }
    }

    @Override
    public void disable() throws IOException {
        try {
            if (enabled()) {
                Advapi32Util.registryDeleteValue(WinReg.HKEY_CURRENT_USER, KEY, VALUE);
            }
        } catch (Win32Exception e) {
            throw new IOException("cannot remove the Run key: " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return "HKEY_CURRENT_USER\\" + KEY + "\\" + VALUE;
    }

    /** One command line as Windows splits it (CommandLineToArgvW): each argument quoted. */
    static String commandLine(LaunchCommand command) {
        return command.arguments().stream()
                .map(argument -> "\"" + argument.replaceAll("(\\\\*)\"", "$1$1\\\\\"").replaceAll("(\\\\+)$", "$1$1") + "\"")
                .collect(Collectors.joining(" "));
    }
}
