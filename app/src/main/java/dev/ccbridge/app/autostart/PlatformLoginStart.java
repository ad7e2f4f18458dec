package dev.ccbridge.app.autostart;

import dev.ccbridge.app.AppPaths;
import dev.ccbridge.app.services.LoginStart;
import java.io.IOException;

/** {@link LoginStart} through the platform's entry, starting this ccbridge with the configuration of {@code paths}. */
public record PlatformLoginStart(StartAtLogin platform, AppPaths paths) implements LoginStart {
    public static PlatformLoginStart forThisPlatform(AppPaths paths) {
        return new PlatformLoginStart(StartAtLogin.forThisPlatform(), paths);
    }

    @Override
    public boolean available() {
        return !(platform instanceof StartAtLogin.Unsupported);
    }

    @Override
    public String location() {
        return platform.location();
    }

    @Override
    public boolean enabled() {
        return platform.enabled();
    }

    @Override
    public void set(boolean on) throws IOException {
        if (on) {
            platform.enable(LaunchCommand.of(paths));
        } else {
            platform.disable();
        }
    }
}
